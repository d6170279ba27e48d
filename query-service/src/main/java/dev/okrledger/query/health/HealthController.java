package dev.okrledger.query.health;

import dev.okrledger.query.cycle.CycleQueries;
import dev.okrledger.query.cycle.Moment;
import dev.okrledger.support.problem.NotFound;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

@RestController
@Tag(name = "OKR health")
class HealthController {

    private final CycleQueries cycles;
    private final HealthChecks checks;

    HealthController(CycleQueries cycles, HealthChecks checks) {
        this.cycles = cycles;
        this.checks = checks;
    }

    @Operation(
            summary = "Warnings about the cycle's OKR set: too few or too many key results per objective, "
                    + "too many objectives per team, team objectives not aligned to a parent")
    @GetMapping("/api/cycles/{id}/health")
    HealthReport health(@PathVariable UUID id) {
        cycles.find(id, Moment.LATEST).orElseThrow(() -> new NotFound("cycle", id));
        return checks.check(id);
    }
}
