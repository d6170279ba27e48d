package dev.okrledger.query.keyresult;

import dev.okrledger.query.web.AsOf;
import dev.okrledger.support.problem.NotFound;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;

@RestController
@RequestMapping("/api/key-results")
@Tag(name = "Key results")
class KeyResultController {

    private final KeyResultQueries queries;
    private final KeyResultDetailQueries details;

    KeyResultController(KeyResultQueries queries, KeyResultDetailQueries details) {
        this.queries = queries;
        this.details = details;
    }

    static final String DETAIL_EXAMPLE = """
            {"id":"3c2f…","kind":"METRIC","unit":"%","baseline":0,"target":100,"asOf":null,"status":"ACTIVE",
             "current":{"value":12,"progress":0.12,"expectedProgress":0.462,"pace":"BEHIND","confidence":7,
                        "band":"GREEN","trend":"UP","stale":true,"lastCheckInAt":"2026-05-03T12:00:00Z","measured":true},
             "series":[
              {"checkInId":"9a41…","effectiveAt":"2026-05-03T12:00:00Z","value":40,"progress":0.4,
               "expectedProgress":0.302,"pace":"ON_TRACK","confidence":7,"band":"GREEN",
               "recordedAt":"2026-05-08T09:12:44Z","measured":false,"measurementId":null,"source":null},
              {"checkInId":null,"effectiveAt":"2026-05-10T12:00:00Z","value":12,"progress":0.12,
               "expectedProgress":0.379,"pace":"BEHIND","confidence":null,"band":null,
               "recordedAt":"2026-05-10T12:00:03Z","measured":true,
               "measurementId":"6f1d2b7a-2c4e-4b8f-9a31-0d5e7c9b1a42","source":"warehouse-stream"}],
             "…":"…"}""";

    @Operation(
            summary =
                    "A key result now: its value, progress and pace on the latest value in effective order "
                            + "(check-ins and measurements; a check-in wins a tie), its confidence and band from the latest check-in")
    @GetMapping("/{id}")
    KeyResultView keyResult(@PathVariable UUID id) {
        return queries.keyResult(id).orElseThrow(() -> new NotFound("key-result", id));
    }

    /** Check-ins in effective order (a backdated check-in takes its place in the week it speaks for). */
    @Operation(
            summary = "Check-ins in effective order with their confidence; measurements carry none and are "
                    + "not listed (the detail's series has them)")
    @GetMapping("/{id}/confidence-history")
    List<CheckInPoint> confidenceHistory(@PathVariable UUID id) {
        KeyResultView keyResult = keyResult(id);
        return queries.confidenceHistory(id, keyResult.baseline(), keyResult.target());
    }

    @Operation(
            summary = "Value and confidence history ready to plot, the expected-progress line and what each "
                    + "check-in said; asOf shows it as known then (check-ins recorded later are left out)",
            description = "The series holds check-ins and measurements in effective order (a measurement at its "
                    + "observedAt; at the same moment a check-in comes after, and wins). A measured point has "
                    + "measured: true, its measurementId and source, and no confidence or band; current.value follows "
                    + "the latest point, current.confidence, band and trend the check-ins only.")
    @ApiResponse(
            responseCode = "200",
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = KeyResultDetail.class),
                            examples = @ExampleObject(name = "a measurement holds the value", value = DETAIL_EXAMPLE)))
    @GetMapping("/{id}/detail")
    KeyResultDetail detail(
            @PathVariable UUID id,
            @Parameter(description = "ISO-8601 date-time with offset, e.g. 2025-05-02T17:00:00Z")
                    @RequestParam(required = false)
                    String asOf) {
        return details.detail(id, AsOf.parse(asOf));
    }
}
