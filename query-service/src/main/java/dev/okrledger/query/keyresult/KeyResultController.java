package dev.okrledger.query.keyresult;

import dev.okrledger.query.web.NotFound;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;

@RestController
@RequestMapping("/api/key-results")
@Tag(name = "Key results")
class KeyResultController {

    private final KeyResultQueries queries;

    KeyResultController(KeyResultQueries queries) {
        this.queries = queries;
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
}
