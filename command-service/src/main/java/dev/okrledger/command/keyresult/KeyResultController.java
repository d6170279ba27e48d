package dev.okrledger.command.keyresult;

import dev.okrledger.command.access.Permissions;
import dev.okrledger.command.keyresult.KeyResultEdits.ChangeKeyResultOwner;
import dev.okrledger.command.keyresult.KeyResultEdits.ChangeKeyResultTarget;
import dev.okrledger.command.keyresult.KeyResultEdits.DropKeyResult;
import dev.okrledger.command.keyresult.KeyResultEdits.RewordKeyResult;
import dev.okrledger.command.web.CreatedId;
import dev.okrledger.command.web.RequestMetadata;
import dev.okrledger.command.web.VersionAnswer;
import dev.okrledger.command.web.Versions;
import dev.okrledger.contract.event.Checkpoint;
import dev.okrledger.contract.event.Indicator;
import dev.okrledger.contract.event.KeyResultKind;
import dev.okrledger.contract.event.MeasurementDefinition;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
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
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@RestController
@Tag(name = "Key results and check-ins")
class KeyResultController {

    record MeasurementRequest(
            @Size(max = 1000) String counted,
            @Size(max = 1000) String excluded,
            @Size(max = 500) String dataSource) {}

    /** baseline and target for METRIC key results; milestones for MILESTONE ones. */
    record DefineKeyResultRequest(
            @NotBlank @Size(max = 300) String title,
            @Size(max = 50) String unit,
            BigDecimal baseline,
            BigDecimal target,
            @NotNull Indicator indicator,
            @NotBlank @Size(max = 200) String owner,
            KeyResultKind kind,
            @Valid MeasurementRequest measurement,
            @Size(max = 50) List<@NotBlank @Size(max = 200) String> milestones,
            @Size(max = 60) List<@NotNull Checkpoint> checkpoints) {}

    record CheckInRequest(
            @NotNull UUID checkInId,
            BigDecimal value,
            @NotNull @Min(0) @Max(10) Integer confidence,
            @Size(max = 4000) String note,
            @Size(max = 4000) String blockers,
            @Size(max = 4000) String decision,
            Instant effectiveAt,
            @Size(max = 50) List<@NotBlank String> milestonesDone) {}

    record CheckInAnswer(UUID checkInId, CheckInOutcome.Status outcome, long version) {}

    record MeasurementRecordRequest(
            @NotNull UUID measurementId,
            @NotNull BigDecimal value,
            @NotNull Instant observedAt,
            @Size(max = 200) String source) {}

    record MeasurementAnswer(UUID measurementId, CheckInOutcome.Status outcome, long version) {}

    record RewordRequest(
            @NotBlank @Size(max = 300) String title,
            @NotBlank @Size(max = 1000) String reason) {}

    record TargetRequest(
            @NotNull BigDecimal target,
            @NotBlank @Size(max = 1000) String reason) {}

    record OwnerRequest(
            @NotBlank @Size(max = 200) String owner,
            @NotBlank @Size(max = 1000) String reason) {}

    record ReasonRequest(@NotBlank @Size(max = 1000) String reason) {}

    private final CommandGateway commands;
    private final RequestMetadata metadata;
    private final Permissions permissions;

    KeyResultController(CommandGateway commands, RequestMetadata metadata, Permissions permissions) {
        this.commands = commands;
        this.metadata = metadata;
        this.permissions = permissions;
    }

    @PostMapping("/api/objectives/{objectiveId}/key-results")
    ResponseEntity<CreatedId> define(
            @PathVariable UUID objectiveId, @Valid @RequestBody DefineKeyResultRequest request) {
        permissions.requireObjective(objectiveId);
        UUID id = UUID.randomUUID();
        MeasurementRequest m = request.measurement();
        long version = commands.sendAndWait(
                new DefineKeyResult(
                        id,
                        objectiveId,
                        request.title().strip(),
                        request.unit() == null ? null : request.unit().strip(),
                        request.baseline(),
                        request.target(),
                        request.indicator(),
                        request.owner().strip(),
                        request.kind(),
                        m == null ? null : new MeasurementDefinition(m.counted(), m.excluded(), m.dataSource()),
                        request.milestones(),
                        request.checkpoints()),
                metadata.current());
        return ResponseEntity.created(URI.create("/api/key-results/" + id))
                .eTag("\"" + version + "\"")
                .body(new CreatedId(id));
    }

    /**
     * 201 when recorded, 200 when the same check-in id was already recorded (nothing new happens).
     * Who may check in, like who may change a key result, is checked by its command handler (decision 0036).
     */
    @PostMapping("/api/key-results/{keyResultId}/check-ins")
    ResponseEntity<CheckInAnswer> checkIn(
            @PathVariable UUID keyResultId,
            @Valid @RequestBody CheckInRequest request,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        CheckInOutcome outcome = commands.sendAndWait(
                new RecordCheckIn(
                        keyResultId,
                        request.checkInId(),
                        request.value(),
                        request.confidence(),
                        blankToNull(request.note()),
                        blankToNull(request.blockers()),
                        blankToNull(request.decision()),
                        request.effectiveAt(),
                        request.milestonesDone(),
                        Versions.fromIfMatch(ifMatch)),
                metadata.current());
        HttpStatus status = outcome.status() == CheckInOutcome.Status.RECORDED ? HttpStatus.CREATED : HttpStatus.OK;
        return ResponseEntity.status(status)
                .eTag("\"" + outcome.version() + "\"")
                .body(new CheckInAnswer(request.checkInId(), outcome.status(), outcome.version()));
    }

    private static final String MEASUREMENT_EXAMPLE = """
            {"measurementId":"6f1d2b7a-2c4e-4b8f-9a31-0d5e7c9b1a42","value":7.4,
             "observedAt":"2026-05-04T06:00:00Z","source":"helpdesk-export"}""";

    /**
     * A data source's value for a metric key result: 201 when recorded, 200 when the same
     * measurement id was already recorded with the same content (nothing new happens).
     */
    @Operation(
            summary = "Record a measurement: a value observed by a data source, without confidence",
            description =
                    "For METRIC key results, by machine clients with the MEASUREMENT_SOURCE role whose teams claim "
                            + "names the owning team, and by everyone who may check in. observedAt is the measurement's "
                            + "effective moment: inside the cycle, not in the future. The same measurementId again records "
                            + "nothing (200); with other content it is a 409. The Kafka topic okr.measurements takes the same "
                            + "JSON plus keyResultId.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = "application/json",
                            examples = @ExampleObject(name = "measurement", value = MEASUREMENT_EXAMPLE)))
    @ApiResponse(responseCode = "201", description = "Recorded")
    @ApiResponse(responseCode = "200", description = "The same measurement was recorded before: nothing new")
    @ApiResponse(
            responseCode = "409",
            description = "measurementId reused with other content, key result dropped, " + "cycle not active",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(
            responseCode = "422",
            description = "A milestone key result, or observedAt outside the cycle or in " + "the future",
            content = @Content(mediaType = "application/problem+json"))
    @PostMapping("/api/key-results/{keyResultId}/measurements")
    ResponseEntity<MeasurementAnswer> measure(
            @PathVariable UUID keyResultId, @Valid @RequestBody MeasurementRecordRequest request) {
        permissions.requireMeasurementSource(keyResultId);
        CheckInOutcome outcome = commands.sendAndWait(
                new RecordMeasurement(
                        keyResultId,
                        request.measurementId(),
                        request.value(),
                        request.observedAt(),
                        blankToNull(request.source())),
                metadata.current());
        HttpStatus status = outcome.status() == CheckInOutcome.Status.RECORDED ? HttpStatus.CREATED : HttpStatus.OK;
        return ResponseEntity.status(status)
                .eTag("\"" + outcome.version() + "\"")
                .body(new MeasurementAnswer(request.measurementId(), outcome.status(), outcome.version()));
    }

    @PostMapping("/api/key-results/{keyResultId}/reword")
    ResponseEntity<VersionAnswer> reword(
            @PathVariable UUID keyResultId,
            @Valid @RequestBody RewordRequest request,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return Versions.answer(commands.sendAndWait(
                new RewordKeyResult(
                        keyResultId, request.title().strip(), request.reason().strip(), Versions.fromIfMatch(ifMatch)),
                metadata.current()));
    }

    @PostMapping("/api/key-results/{keyResultId}/change-target")
    ResponseEntity<VersionAnswer> changeTarget(
            @PathVariable UUID keyResultId,
            @Valid @RequestBody TargetRequest request,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return Versions.answer(commands.sendAndWait(
                new ChangeKeyResultTarget(
                        keyResultId, request.target(), request.reason().strip(), Versions.fromIfMatch(ifMatch)),
                metadata.current()));
    }

    @PostMapping("/api/key-results/{keyResultId}/change-owner")
    ResponseEntity<VersionAnswer> changeOwner(
            @PathVariable UUID keyResultId,
            @Valid @RequestBody OwnerRequest request,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return Versions.answer(commands.sendAndWait(
                new ChangeKeyResultOwner(
                        keyResultId, request.owner().strip(), request.reason().strip(), Versions.fromIfMatch(ifMatch)),
                metadata.current()));
    }

    @PostMapping("/api/key-results/{keyResultId}/drop")
    ResponseEntity<VersionAnswer> drop(
            @PathVariable UUID keyResultId,
            @Valid @RequestBody ReasonRequest request,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return Versions.answer(commands.sendAndWait(
                new DropKeyResult(keyResultId, request.reason().strip(), Versions.fromIfMatch(ifMatch)),
                metadata.current()));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
