package dev.okrledger.query.replay;

import dev.okrledger.query.cycle.CycleQueries;
import dev.okrledger.query.cycle.CycleSnapshot;
import dev.okrledger.query.cycle.Moment;
import dev.okrledger.support.problem.Conflict;
import dev.okrledger.support.problem.NotFound;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

@RestController
@Tag(name = "Replay and retrospective")
class ReplayController {

    private final CycleQueries cycles;
    private final ReplayQueries replays;
    private final RetrospectiveQueries retrospectives;

    ReplayController(CycleQueries cycles, ReplayQueries replays, RetrospectiveQueries retrospectives) {
        this.cycles = cycles;
        this.replays = replays;
        this.retrospectives = retrospectives;
    }

    @Operation(summary = "The board at the end of each finished week of the cycle, by effective time")
    @GetMapping("/api/cycles/{id}/replay")
    CycleReplay replay(@PathVariable UUID id) {
        return replays.replay(cycle(id));
    }

    @Operation(summary = "Final scores per key result and objective, confidence trajectories, calibration "
            + "(Brier score) and check-in adherence per team; for a closed cycle")
    @GetMapping("/api/cycles/{id}/retrospective")
    Retrospective retrospective(@PathVariable UUID id) {
        CycleSnapshot cycle = cycle(id);
        if (!"CLOSED".equals(cycle.status())) {
            throw new Conflict("retrospective-needs-closed-cycle",
                    "The retrospective is for a closed cycle; this one is " + cycle.status());
        }
        return retrospectives.retrospective(cycle);
    }

    private CycleSnapshot cycle(UUID id) {
        return cycles.find(id, Moment.LATEST).orElseThrow(() -> new NotFound("cycle", id));
    }
}
