package dev.okrledger.dashboard.retrospective;

import dev.okrledger.dashboard.Display;
import dev.okrledger.dashboard.readmodel.Cycle;
import dev.okrledger.dashboard.readmodel.ReadModels;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import tools.jackson.databind.json.JsonMapper;

import java.util.UUID;

/** The retrospective of a closed cycle: scores, calibration, adherence, pivots and notes. */
@Controller
class RetrospectivePage {

    private final ReadModels readModels;
    private final JsonMapper json;

    RetrospectivePage(ReadModels readModels, JsonMapper json) {
        this.readModels = readModels;
        this.json = json;
    }

    @GetMapping("/cycles/{id}/retrospective")
    String retrospective(@PathVariable UUID id, Model model) {
        Cycle cycle = readModels.cycle(id);
        model.addAttribute("cycle", cycle);
        model.addAttribute("display", Display.INSTANCE);
        model.addAttribute("page", "retrospective");
        if ("CLOSED".equals(cycle.status())) {
            Retrospective retrospective = readModels.get(
                    Retrospective.class,
                    b -> b.path("/api/cycles/{id}/retrospective").build(id));
            model.addAttribute("retro", retrospective);
            model.addAttribute("calibration", json.writeValueAsString(CalibrationChart.of(retrospective)));
        }
        return "retrospective";
    }
}
