package dev.okrledger.query.page.retrospective;

import dev.okrledger.query.cycle.CycleQueries;
import dev.okrledger.query.cycle.CycleSnapshot;
import dev.okrledger.query.cycle.Moment;
import dev.okrledger.query.page.Display;
import dev.okrledger.query.replay.Retrospective;
import dev.okrledger.query.replay.RetrospectiveQueries;
import dev.okrledger.support.problem.NotFound;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import tools.jackson.databind.json.JsonMapper;

import java.util.UUID;

/** The retrospective of a closed cycle: scores, calibration, adherence, pivots and notes. */
@Controller
class RetrospectivePage {

    private final CycleQueries cycles;
    private final RetrospectiveQueries retrospectives;
    private final JsonMapper json;

    RetrospectivePage(CycleQueries cycles, RetrospectiveQueries retrospectives, JsonMapper json) {
        this.cycles = cycles;
        this.retrospectives = retrospectives;
        this.json = json;
    }

    @GetMapping("/cycles/{id}/retrospective")
    String retrospective(@PathVariable UUID id, Model model) {
        CycleSnapshot cycle = cycles.find(id, Moment.LATEST).orElseThrow(() -> new NotFound("cycle", id));
        model.addAttribute("cycle", cycle);
        model.addAttribute("display", Display.INSTANCE);
        model.addAttribute("page", "retrospective");
        if ("CLOSED".equals(cycle.status())) {
            Retrospective retrospective = retrospectives.retrospective(cycle);
            model.addAttribute("retro", retrospective);
            model.addAttribute("calibration", json.writeValueAsString(CalibrationChart.of(retrospective)));
        }
        return "retrospective";
    }
}
