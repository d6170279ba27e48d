package dev.okrledger.command.objective;

import dev.okrledger.command.web.CreatedId;
import dev.okrledger.command.web.RequestMetadata;
import dev.okrledger.contract.event.ObjectiveLevel;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.UUID;

@RestController
@RequestMapping("/api/objectives")
@Tag(name = "Objectives")
class ObjectiveController {

    record DefineObjectiveRequest(@NotNull UUID cycleId, @NotBlank @Size(max = 300) String title,
                                  @NotNull ObjectiveLevel level, @NotBlank @Size(max = 200) String team,
                                  UUID parentObjectiveId) {
    }

    private final CommandGateway commands;
    private final RequestMetadata metadata;

    ObjectiveController(CommandGateway commands, RequestMetadata metadata) {
        this.commands = commands;
        this.metadata = metadata;
    }

    @PostMapping
    ResponseEntity<CreatedId> define(@Valid @RequestBody DefineObjectiveRequest request) {
        UUID id = UUID.randomUUID();
        commands.sendAndWait(new DefineObjective(id, request.cycleId(), request.title().strip(), request.level(),
                request.team().strip(), request.parentObjectiveId()), metadata.current());
        return ResponseEntity.created(URI.create("/api/objectives/" + id)).body(new CreatedId(id));
    }
}
