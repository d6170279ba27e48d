package dev.okrledger.query.export;

import dev.okrledger.query.web.AsOf;
import dev.okrledger.support.problem.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;

/**
 * A cycle's board, check-in history and retrospective as files: {@code <name>.csv} for spreadsheets,
 * {@code <name>.json} for scripts, the same rows and columns in both (docs/import-export.md).
 */
@RestController
@Tag(name = "Export")
class ExportController {

    static final MediaType TEXT_CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

    static final String BOARD_EXAMPLE = """
            objectiveId,objectiveTitle,level,team,parentObjectiveId,objectiveProgress,objectivePace,objectiveBand,objectiveMeanConfidence,keyResultId,keyResultTitle,unit,owner,baseline,target,value,progress,expectedProgress,pace,confidence,band,trend,stale,lastCheckInAt
            6f1c…,Make support faster and more predictable for customers,TEAM,support,0b9e…,0.4357,BEHIND,RED,5.666666666666667,3d2a…,Reduce median first response time,hours,support-lead,12,4,8.5,0.4375,0.6153846153846154,BEHIND,3,RED,DOWN,false,2026-11-22T12:00:00Z
            """;

    private final CycleExports exports;

    ExportController(CycleExports exports) {
        this.exports = exports;
    }

    @Operation(
            summary = "The board as a file: one row per key result with its objective's figures, as the dashboard "
                    + "shows them; asOf gives the board as known then")
    @ApiResponse(
            responseCode = "200",
            content = {
                @Content(
                        mediaType = "text/csv",
                        schema = @Schema(type = "string"),
                        examples = @ExampleObject(value = BOARD_EXAMPLE)),
                @Content(
                        mediaType = "application/json",
                        array = @ArraySchema(schema = @Schema(implementation = BoardRow.class)))
            })
    @GetMapping("/api/cycles/{id}/export/board.{format}")
    ResponseEntity<?> board(
            @PathVariable UUID id,
            @PathVariable @Parameter(description = "csv or json") String format,
            @Parameter(description = "ISO-8601 date-time with offset, e.g. 2025-05-02T17:00:00Z")
                    @RequestParam(required = false)
                    String asOf) {
        return file(id, "board", format, asOf, BoardRow.class, exports::board);
    }

    @Operation(
            summary = "Every check-in of the cycle, in effective order per key result, with the note, blockers "
                    + "and decision; asOf leaves out check-ins recorded later")
    @ApiResponse(
            responseCode = "200",
            content = {
                @Content(mediaType = "text/csv", schema = @Schema(type = "string")),
                @Content(
                        mediaType = "application/json",
                        array = @ArraySchema(schema = @Schema(implementation = CheckInRow.class)))
            })
    @GetMapping("/api/cycles/{id}/export/check-ins.{format}")
    ResponseEntity<?> checkIns(
            @PathVariable UUID id,
            @PathVariable @Parameter(description = "csv or json") String format,
            @Parameter(description = "ISO-8601 date-time with offset, e.g. 2025-05-02T17:00:00Z")
                    @RequestParam(required = false)
                    String asOf) {
        return file(id, "check-ins", format, asOf, CheckInRow.class, exports::checkIns);
    }

    @Operation(
            summary = "A closed cycle's retrospective: one row per key result with its score, calibration and "
                    + "adherence beside its objective's score and notes (409 before the close)")
    @ApiResponse(
            responseCode = "200",
            content = {
                @Content(mediaType = "text/csv", schema = @Schema(type = "string")),
                @Content(
                        mediaType = "application/json",
                        array = @ArraySchema(schema = @Schema(implementation = RetrospectiveRow.class)))
            })
    @GetMapping("/api/cycles/{id}/export/retrospective.{format}")
    ResponseEntity<?> retrospective(
            @PathVariable UUID id, @PathVariable @Parameter(description = "csv or json") String format) {
        return file(id, "retrospective", format, null, RetrospectiveRow.class, exports::retrospective);
    }

    @Operation(summary = "A closed cycle's retrospective per team: key results, targets hit, Brier score, adherence")
    @ApiResponse(
            responseCode = "200",
            content = {
                @Content(mediaType = "text/csv", schema = @Schema(type = "string")),
                @Content(
                        mediaType = "application/json",
                        array = @ArraySchema(schema = @Schema(implementation = TeamRow.class)))
            })
    @GetMapping("/api/cycles/{id}/export/retrospective-teams.{format}")
    ResponseEntity<?> retrospectiveTeams(
            @PathVariable UUID id, @PathVariable @Parameter(description = "csv or json") String format) {
        return file(id, "retrospective-teams", format, null, TeamRow.class, exports::retrospectiveTeams);
    }

    private static <R extends Record> ResponseEntity<?> file(
            UUID cycleId,
            String name,
            String format,
            String asOf,
            Class<R> type,
            BiFunction<UUID, Optional<Instant>, List<R>> rows) {
        if (!format.equals("csv") && !format.equals("json")) {
            throw new ErrorResponseException(
                    HttpStatus.NOT_FOUND,
                    Problems.problem(
                            HttpStatus.NOT_FOUND,
                            "unknown-export-format",
                            "format",
                            "Exports are " + name + ".csv or " + name + ".json"),
                    null);
        }
        List<R> content = rows.apply(cycleId, AsOf.parse(asOf));
        String filename = name + "-" + cycleId + "." + format;
        ResponseEntity.BodyBuilder answer = ResponseEntity.ok()
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(filename)
                                .build()
                                .toString());
        return format.equals("csv")
                ? answer.contentType(TEXT_CSV).body(CsvRows.write(type, content))
                : answer.contentType(MediaType.APPLICATION_JSON).body(content);
    }
}
