package dev.okrledger.query.audit;

import dev.okrledger.support.problem.NotFound;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;

@RestController
@Tag(name = "Audit")
class AuditController {

    private final EventLog log;

    AuditController(EventLog log) {
        this.log = log;
    }

    @Operation(
            summary = "Every change of an objective and its key results, in order, with actor, time, reason "
                    + "and before/after values, straight from the events")
    @GetMapping("/api/objectives/{id}/audit")
    List<AuditEntry> objective(@PathVariable UUID id) {
        return timeline(log.ofObjective(id), "objective", id);
    }

    @Operation(summary = "Every change of a key result, in order, with actor, time, reason and before/after values")
    @GetMapping("/api/key-results/{id}/audit")
    List<AuditEntry> keyResult(@PathVariable UUID id) {
        return timeline(log.ofKeyResult(id), "key-result", id);
    }

    private static List<AuditEntry> timeline(List<EventLog.Entry> entries, String entity, UUID id) {
        if (entries.isEmpty()) {
            throw new NotFound(entity, id);
        }
        ChangeDescriber describer = new ChangeDescriber();
        return entries.stream().map(describer::describe).toList();
    }
}
