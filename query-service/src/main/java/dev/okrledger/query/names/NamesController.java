package dev.okrledger.query.names;

import dev.okrledger.query.cycle.CycleQueries;
import dev.okrledger.query.cycle.Moment;
import dev.okrledger.support.problem.BadRequest;
import dev.okrledger.support.problem.NotFound;
import dev.okrledger.support.problem.ProblemRules;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Names for ids that other answers carry (an alert's key result, an objective's parent on another
 * page), and the teams there are: what a client shows beside an id, asked for once per page.
 */
@RestController
@Tag(name = "Names")
class NamesController {

    /** Ids per kind in one request: a hundred ids keep the request line within Tomcat's 8 KiB. */
    static final int MAX_IDS = 100;

    /** @param objectives known objectives among those asked for; {@code keyResults} likewise */
    record Names(List<NameQueries.ObjectiveName> objectives, List<NameQueries.KeyResultName> keyResults) {}

    private final NameQueries names;
    private final CycleQueries cycles;

    NamesController(NameQueries names, CycleQueries cycles) {
        this.names = names;
        this.cycles = cycles;
    }

    @Operation(summary = "Titles (and teams) of the objectives and key results named; ids not known here are left out")
    @GetMapping("/api/names")
    Names names(
            @RequestParam(name = "objectiveId", required = false) Set<UUID> objectiveIds,
            @RequestParam(name = "keyResultId", required = false) Set<UUID> keyResultIds) {
        Set<UUID> objectives = limited("objectiveId", objectiveIds);
        Set<UUID> keyResults = limited("keyResultId", keyResultIds);
        return new Names(names.objectives(objectives), names.keyResults(keyResults));
    }

    @Operation(summary = "Teams with objectives, in the cycle given or in any cycle, in alphabetical order")
    @GetMapping("/api/teams")
    List<String> teams(@RequestParam(required = false) UUID cycleId) {
        if (cycleId == null) {
            return names.teams();
        }
        cycles.find(cycleId, Moment.LATEST).orElseThrow(() -> new NotFound("cycle", cycleId));
        return names.teams(cycleId);
    }

    private static Set<UUID> limited(String field, Set<UUID> ids) {
        if (ids == null) {
            return Set.of();
        }
        if (ids.size() > MAX_IDS) {
            throw new BadRequest(
                    ProblemRules.INVALID_FIELD, field, field + ": at most " + MAX_IDS + " ids per request");
        }
        return ids;
    }
}
