package dev.okrledger.query.cycle;

import dev.okrledger.support.problem.NotFound;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;

@RestController
@RequestMapping("/api/cycles")
@Tag(name = "Cycles")
class CycleController {

    private final CycleQueries cycles;

    CycleController(CycleQueries cycles) {
        this.cycles = cycles;
    }

    /** Every cycle, newest first. */
    @GetMapping
    List<CycleSnapshot> cycles() {
        return cycles.all();
    }

    @GetMapping("/{id}")
    CycleSnapshot cycle(@PathVariable UUID id) {
        return cycles.find(id, Moment.LATEST).orElseThrow(() -> new NotFound("cycle", id));
    }
}
