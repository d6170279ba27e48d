package dev.okrledger.command.cycle;

import dev.okrledger.command.access.Permissions;
import dev.okrledger.command.web.CreatedId;
import dev.okrledger.command.web.RequestMetadata;
import dev.okrledger.contract.event.Cadence;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.LocalDate;
import java.util.UUID;

@RestController
@RequestMapping("/api/cycles")
@Tag(name = "Cycles")
class CycleController {

    record PlanCycleRequest(
            @NotBlank @Size(max = 200) String name,
            @NotNull LocalDate startsOn,
            @NotNull LocalDate endsOn,
            @NotNull Cadence cadence) {}

    private final CommandGateway commands;
    private final RequestMetadata metadata;
    private final Permissions permissions;

    CycleController(CommandGateway commands, RequestMetadata metadata, Permissions permissions) {
        this.commands = commands;
        this.metadata = metadata;
        this.permissions = permissions;
    }

    @PostMapping
    ResponseEntity<CreatedId> plan(@Valid @RequestBody PlanCycleRequest request) {
        permissions.requireCycleSteering();
        UUID id = UUID.randomUUID();
        commands.sendAndWait(
                new PlanCycle(id, request.name().strip(), request.startsOn(), request.endsOn(), request.cadence()),
                metadata.current());
        return ResponseEntity.created(URI.create("/api/cycles/" + id)).body(new CreatedId(id));
    }

    @PostMapping("/{id}/activate")
    ResponseEntity<Void> activate(@PathVariable UUID id) {
        permissions.requireCycleSteering();
        commands.sendAndWait(new ActivateCycle(id), metadata.current());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/close")
    ResponseEntity<Void> close(@PathVariable UUID id) {
        permissions.requireCycleSteering();
        commands.sendAndWait(new CloseCycle(id), metadata.current());
        return ResponseEntity.noContent().build();
    }
}
