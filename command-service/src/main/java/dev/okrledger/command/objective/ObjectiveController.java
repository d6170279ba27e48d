package dev.okrledger.command.objective;

import dev.okrledger.command.access.Permissions;
import dev.okrledger.command.objective.ObjectiveEdits.RealignObjective;
import dev.okrledger.command.objective.ObjectiveEdits.RecordRetrospective;
import dev.okrledger.command.objective.ObjectiveEdits.RetireObjective;
import dev.okrledger.command.objective.ObjectiveEdits.RewordObjective;
import dev.okrledger.command.web.CreatedId;
import dev.okrledger.command.web.RequestMetadata;
import dev.okrledger.command.web.VersionAnswer;
import dev.okrledger.command.web.Versions;
import dev.okrledger.contract.event.ObjectiveLevel;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.UUID;

@RestController
@RequestMapping("/api/objectives")
@Tag(name = "Objectives")
class ObjectiveController {

    record DefineObjectiveRequest(
            @NotNull UUID cycleId,
            @NotBlank @Size(max = 300) String title,
            @NotNull ObjectiveLevel level,
            @NotBlank @Size(max = 200) String team,
            UUID parentObjectiveId) {}

    record RewordRequest(
            @NotBlank @Size(max = 300) String title,
            @NotBlank @Size(max = 1000) String reason) {}

    /** parentObjectiveId null (or absent) removes the alignment. */
    record RealignRequest(
            UUID parentObjectiveId,
            @NotBlank @Size(max = 1000) String reason) {}

    record ReasonRequest(@NotBlank @Size(max = 1000) String reason) {}

    record RetrospectiveRequest(@NotBlank @Size(max = 8000) String note) {}

    private final CommandGateway commands;
    private final RequestMetadata metadata;
    private final Permissions permissions;

    ObjectiveController(CommandGateway commands, RequestMetadata metadata, Permissions permissions) {
        this.commands = commands;
        this.metadata = metadata;
        this.permissions = permissions;
    }

    @PostMapping
    ResponseEntity<CreatedId> define(@Valid @RequestBody DefineObjectiveRequest request) {
        permissions.requireTeam(request.team().strip());
        UUID id = UUID.randomUUID();
        long version = commands.sendAndWait(
                new DefineObjective(
                        id,
                        request.cycleId(),
                        request.title().strip(),
                        request.level(),
                        request.team().strip(),
                        request.parentObjectiveId()),
                metadata.current());
        return ResponseEntity.created(URI.create("/api/objectives/" + id))
                .eTag("\"" + version + "\"")
                .body(new CreatedId(id));
    }

    @PostMapping("/{id}/reword")
    ResponseEntity<VersionAnswer> reword(
            @PathVariable UUID id,
            @Valid @RequestBody RewordRequest request,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        permissions.requireObjective(id);
        return Versions.answer(commands.sendAndWait(
                new RewordObjective(
                        id, request.title().strip(), request.reason().strip(), Versions.fromIfMatch(ifMatch)),
                metadata.current()));
    }

    @PostMapping("/{id}/realign")
    ResponseEntity<VersionAnswer> realign(
            @PathVariable UUID id,
            @Valid @RequestBody RealignRequest request,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        permissions.requireObjective(id);
        return Versions.answer(commands.sendAndWait(
                new RealignObjective(
                        id, request.parentObjectiveId(), request.reason().strip(), Versions.fromIfMatch(ifMatch)),
                metadata.current()));
    }

    @PostMapping("/{id}/retire")
    ResponseEntity<VersionAnswer> retire(
            @PathVariable UUID id,
            @Valid @RequestBody ReasonRequest request,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        permissions.requireObjective(id);
        return Versions.answer(commands.sendAndWait(
                new RetireObjective(id, request.reason().strip(), Versions.fromIfMatch(ifMatch)), metadata.current()));
    }

    @PostMapping("/{id}/retrospective")
    ResponseEntity<VersionAnswer> retrospective(
            @PathVariable UUID id, @Valid @RequestBody RetrospectiveRequest request) {
        permissions.requireObjective(id);
        return Versions.answer(
                commands.sendAndWait(new RecordRetrospective(id, request.note().strip()), metadata.current()));
    }
}
