package dev.okrledger.dashboard;

import dev.okrledger.dashboard.readmodel.Cycle;
import dev.okrledger.dashboard.readmodel.ReadModels;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import java.util.List;

/** The way in: straight to the board of the running cycle, else the list of cycles. */
@Controller
class HomePage {

    private final ReadModels readModels;

    HomePage(ReadModels readModels) {
        this.readModels = readModels;
    }

    @GetMapping("/")
    String home() {
        return readModels.cycles().stream()
                .filter(c -> "ACTIVE".equals(c.status()))
                .findFirst()
                .map(c -> "redirect:/cycles/" + c.id())
                .orElse("redirect:/cycles");
    }

    @GetMapping("/cycles")
    String cycles(Model model) {
        List<Cycle> all = readModels.cycles();
        model.addAttribute("cycles", all);
        model.addAttribute("display", Display.INSTANCE);
        model.addAttribute("page", "cycles");
        return "cycles";
    }
}
