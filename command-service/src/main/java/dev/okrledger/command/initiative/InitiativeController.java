package dev.okrledger.command.initiative;

import dev.okrledger.command.initiative.InitiativeCommands.AddInitiative;
import dev.okrledger.command.initiative.InitiativeCommands.CompleteInitiative;
import dev.okrledger.command.initiative.InitiativeCommands.PivotInitiative;
import dev.okrledger.command.initiative.InitiativeCommands.StartInitiative;
import dev.okrledger.command.initiative.InitiativeCommands.StopInitiative;
import dev.okrledger.command.web.CreatedId;
import dev.okrledger.command.web.RequestMetadata;
import dev.okrledger.command.web.VersionAnswer;
import dev.okrledger.command.web.Versions;
import dev.okrledger.contract.event.InitiativeStatus;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.UUID;

@RestController
@RequestMapping("/api/key-results/{keyResultId}/initiatives")
@Tag(name = "Initiatives and pivots")
class InitiativeController {

    /** @param status PLANNED or ACTIVE (default) */
    record AddRequest(
            @NotBlank @Size(max = 300) String title,
            @Size(max = 2000) String approach,
            InitiativeStatus status) {}

    /** @param checkInId the check-in whose decision this pivot carries out, optional */
    record PivotRequest(
            @NotBlank @Size(max = 2000) String toApproach,
            @NotBlank @Size(max = 1000) String reason,
            UUID checkInId) {}

    record ReasonRequest(@NotBlank @Size(max = 1000) String reason) {}

    private final CommandGateway commands;
    private final RequestMetadata metadata;

    InitiativeController(CommandGateway commands, RequestMetadata metadata) {
        this.commands = commands;
        this.metadata = metadata;
    }

    @PostMapping
    ResponseEntity<CreatedId> add(@PathVariable UUID keyResultId, @Valid @RequestBody AddRequest request) {
        UUID id = UUID.randomUUID();
        long version = commands.sendAndWait(
                new AddInitiative(
                        keyResultId,
                        id,
                        request.title().strip(),
                        request.approach() == null ? null : request.approach().strip(),
                        request.status()),
                metadata.current());
        return ResponseEntity.created(URI.create("/api/key-results/" + keyResultId + "/initiatives/" + id))
                .eTag("\"" + version + "\"")
                .body(new CreatedId(id));
    }

    @PostMapping("/{initiativeId}/start")
    ResponseEntity<VersionAnswer> start(@PathVariable UUID keyResultId, @PathVariable UUID initiativeId) {
        return Versions.answer(
                commands.sendAndWait(new StartInitiative(keyResultId, initiativeId), metadata.current()));
    }

    @PostMapping("/{initiativeId}/pivot")
    ResponseEntity<VersionAnswer> pivot(
            @PathVariable UUID keyResultId, @PathVariable UUID initiativeId, @Valid @RequestBody PivotRequest request) {
        return Versions.answer(commands.sendAndWait(
                new PivotInitiative(
                        keyResultId,
                        initiativeId,
                        request.toApproach().strip(),
                        request.reason().strip(),
                        request.checkInId()),
                metadata.current()));
    }

    @PostMapping("/{initiativeId}/stop")
    ResponseEntity<VersionAnswer> stop(
            @PathVariable UUID keyResultId,
            @PathVariable UUID initiativeId,
            @Valid @RequestBody ReasonRequest request) {
        return Versions.answer(commands.sendAndWait(
                new StopInitiative(keyResultId, initiativeId, request.reason().strip()), metadata.current()));
    }

    @PostMapping("/{initiativeId}/complete")
    ResponseEntity<VersionAnswer> complete(@PathVariable UUID keyResultId, @PathVariable UUID initiativeId) {
        return Versions.answer(
                commands.sendAndWait(new CompleteInitiative(keyResultId, initiativeId), metadata.current()));
    }
}
