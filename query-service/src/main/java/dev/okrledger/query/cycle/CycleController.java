package dev.okrledger.query.cycle;

import dev.okrledger.query.web.AsOf;
import dev.okrledger.support.problem.NotFound;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
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

    @Operation(summary = "A cycle; asOf shows it as known then (its status then; 404 if it was planned later)")
    @GetMapping("/{id}")
    CycleSnapshot cycle(
            @PathVariable UUID id,
            @Parameter(description = "ISO-8601 date-time with offset, e.g. 2025-05-02T17:00:00Z")
                    @RequestParam(required = false)
                    String asOf) {
        return cycles.find(id, AsOf.parse(asOf).orElse(Moment.LATEST)).orElseThrow(() -> new NotFound("cycle", id));
    }
}
