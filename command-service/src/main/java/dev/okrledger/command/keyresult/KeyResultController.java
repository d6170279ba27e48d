package dev.okrledger.command.keyresult;

import dev.okrledger.command.web.CreatedId;
import dev.okrledger.command.web.RequestMetadata;
import dev.okrledger.contract.event.Indicator;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.UUID;

@RestController
@Tag(name = "Key results and check-ins")
class KeyResultController {

    record DefineKeyResultRequest(@NotBlank @Size(max = 300) String title, @NotBlank @Size(max = 50) String unit,
                                  @NotNull BigDecimal baseline, @NotNull BigDecimal target,
                                  @NotNull Indicator indicator, @NotBlank @Size(max = 200) String owner) {
    }

    record CheckInRequest(@NotNull UUID checkInId, @NotNull BigDecimal value,
                          @NotNull @Min(0) @Max(10) Integer confidence,
                          @Size(max = 4000) String note, @Size(max = 4000) String blockers,
                          @Size(max = 4000) String decision, Instant effectiveAt) {
    }

    record CheckInAnswer(UUID checkInId, CheckInOutcome outcome) {
    }

    private final CommandGateway commands;
    private final RequestMetadata metadata;

    KeyResultController(CommandGateway commands, RequestMetadata metadata) {
        this.commands = commands;
        this.metadata = metadata;
    }

    @PostMapping("/api/objectives/{objectiveId}/key-results")
    ResponseEntity<CreatedId> define(@PathVariable UUID objectiveId, @Valid @RequestBody DefineKeyResultRequest request) {
        UUID id = UUID.randomUUID();
        commands.sendAndWait(new DefineKeyResult(id, objectiveId, request.title().strip(), request.unit().strip(),
                request.baseline(), request.target(), request.indicator(), request.owner().strip()), metadata.current());
        return ResponseEntity.created(URI.create("/api/key-results/" + id)).body(new CreatedId(id));
    }

    /** 201 when recorded, 200 when the same check-in id was already recorded (nothing new happens). */
    @PostMapping("/api/key-results/{keyResultId}/check-ins")
    ResponseEntity<CheckInAnswer> checkIn(@PathVariable UUID keyResultId, @Valid @RequestBody CheckInRequest request) {
        CheckInOutcome outcome = commands.sendAndWait(new RecordCheckIn(keyResultId, request.checkInId(),
                request.value(), request.confidence(), blankToNull(request.note()), blankToNull(request.blockers()),
                blankToNull(request.decision()), request.effectiveAt()), metadata.current());
        HttpStatus status = outcome == CheckInOutcome.RECORDED ? HttpStatus.CREATED : HttpStatus.OK;
        return ResponseEntity.status(status).body(new CheckInAnswer(request.checkInId(), outcome));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
