package dev.okrledger.query.page;

import dev.okrledger.query.cycle.CycleQueries;
import dev.okrledger.query.cycle.CycleSnapshot;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import java.util.List;

/** The way in: straight to the board of the running cycle, else the list of cycles. */
@Controller
class HomePage {

    private final CycleQueries cycles;

    HomePage(CycleQueries cycles) {
        this.cycles = cycles;
    }

    @GetMapping("/")
    String home() {
        return cycles.all().stream().filter(c -> "ACTIVE".equals(c.status())).findFirst()
                .map(c -> "redirect:/cycles/" + c.id())
                .orElse("redirect:/cycles");
    }

    @GetMapping("/cycles")
    String cycles(Model model) {
        List<CycleSnapshot> all = cycles.all();
        model.addAttribute("cycles", all);
        model.addAttribute("display", Display.INSTANCE);
        model.addAttribute("page", "cycles");
        return "cycles";
    }
}
