package dev.okrledger.query.keyresult;

import dev.okrledger.query.web.AsOf;
import dev.okrledger.support.problem.NotFound;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
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

    @GetMapping("/{id}")
    KeyResultView keyResult(@PathVariable UUID id) {
        return queries.keyResult(id).orElseThrow(() -> new NotFound("key-result", id));
    }

    /** Check-ins in effective order (a backdated check-in takes its place in the week it speaks for). */
    @GetMapping("/{id}/confidence-history")
    List<CheckInPoint> confidenceHistory(@PathVariable UUID id) {
        KeyResultView keyResult = keyResult(id);
        return queries.confidenceHistory(id, keyResult.baseline(), keyResult.target());
    }

    @Operation(summary = "Value and confidence history ready to plot, the expected-progress line and what each "
            + "check-in said; asOf shows it as known then (check-ins recorded later are left out)")
    @GetMapping("/{id}/detail")
    KeyResultDetail detail(@PathVariable UUID id,
                           @Parameter(description = "ISO-8601 date-time with offset, e.g. 2025-05-02T17:00:00Z")
                           @RequestParam(required = false) String asOf) {
        return details.detail(id, AsOf.parse(asOf));
    }
}
