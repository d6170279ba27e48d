package dev.okrledger.dashboard.keyresult;

import dev.okrledger.contract.policy.OkrPolicy;
import dev.okrledger.dashboard.AsOfDay;
import dev.okrledger.dashboard.Display;
import dev.okrledger.dashboard.readmodel.Cycle;
import dev.okrledger.dashboard.readmodel.ReadModels;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** A key result: its chart, what its check-ins said, its initiatives, pivots and target changes, its audit timeline. */
@Controller
class KeyResultPage {

    private static final ParameterizedTypeReference<List<AuditEntry>> AUDIT = new ParameterizedTypeReference<>() {};

    private final ReadModels readModels;
    private final OkrPolicy policy;
    private final JsonMapper json;

    KeyResultPage(ReadModels readModels, OkrPolicy policy, JsonMapper json) {
        this.readModels = readModels;
        this.policy = policy;
        this.json = json;
    }

    @GetMapping("/key-results/{id}")
    String keyResult(@PathVariable UUID id, @RequestParam(required = false) String asOf, Model model) {
        Optional<Instant> at = AsOfDay.parse(asOf).map(AsOfDay::endOf);
        KeyResultDetail detail = readModels.get(
                KeyResultDetail.class,
                b -> b.path("/api/key-results/{id}/detail")
                        .queryParamIfPresent("asOf", at)
                        .build(id));
        Optional<Cycle> cycle = readModels.cycle(detail.cycleId(), at.orElse(null));
        model.addAttribute("kr", detail);
        model.addAttribute("cycle", cycle.orElse(null));
        model.addAttribute(
                "objective",
                readModels.names(Set.of(), Set.of(id)).keyResults().stream()
                        .filter(k -> k.id().equals(id))
                        .findFirst()
                        .orElse(null));
        model.addAttribute("asOf", asOf == null ? "" : asOf.trim());
        model.addAttribute("past", at.isPresent());
        model.addAttribute("display", Display.INSTANCE);
        model.addAttribute("current", detail.current());
        cycle.ifPresent(c -> model.addAttribute(
                "chart",
                json.writeValueAsString(KeyResultChart.of(detail, c, policy.greenFrom(), policy.amberFrom()))));
        model.addAttribute("audit", audit(id, at));
        return "key-result";
    }

    /** Newest first, as far as known at the moment shown. */
    private List<AuditEntry> audit(UUID id, Optional<Instant> at) {
        List<AuditEntry> entries = new ArrayList<>(
                readModels.get(AUDIT, b -> b.path("/api/key-results/{id}/audit").build(id)).stream()
                        .filter(e -> at.isEmpty() || !e.occurredAt().isAfter(at.get()))
                        .toList());
        Collections.reverse(entries);
        return entries;
    }
}
