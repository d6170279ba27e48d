package dev.okrledger.query.page.keyresult;

import dev.okrledger.contract.policy.OkrPolicy;
import dev.okrledger.query.audit.AuditEntry;
import dev.okrledger.query.audit.ChangeDescriber;
import dev.okrledger.query.audit.EventLog;
import dev.okrledger.query.cycle.CycleQueries;
import dev.okrledger.query.cycle.CycleSnapshot;
import dev.okrledger.query.cycle.Moment;
import dev.okrledger.query.keyresult.KeyResultDetail;
import dev.okrledger.query.keyresult.KeyResultDetailQueries;
import dev.okrledger.query.page.AsOfDay;
import dev.okrledger.query.page.Display;
import dev.okrledger.query.page.ReadModelNames;
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

    private final KeyResultDetailQueries details;
    private final CycleQueries cycles;
    private final EventLog eventLog;
    private final ReadModelNames names;
    private final OkrPolicy policy;
    private final JsonMapper json;

    KeyResultPage(KeyResultDetailQueries details, CycleQueries cycles, EventLog eventLog, ReadModelNames names,
                  OkrPolicy policy, JsonMapper json) {
        this.details = details;
        this.cycles = cycles;
        this.eventLog = eventLog;
        this.names = names;
        this.policy = policy;
        this.json = json;
    }

    @GetMapping("/key-results/{id}")
    String keyResult(@PathVariable UUID id, @RequestParam(required = false) String asOf, Model model) {
        Optional<Instant> at = AsOfDay.parse(asOf).map(AsOfDay::endOf);
        KeyResultDetail detail = details.detail(id, at);
        Optional<CycleSnapshot> cycle = cycles.find(detail.cycleId(), at.orElse(Moment.LATEST));
        model.addAttribute("kr", detail);
        model.addAttribute("cycle", cycle.orElse(null));
        model.addAttribute("objective", names.keyResults(Set.of(id)).get(id));
        model.addAttribute("asOf", asOf == null ? "" : asOf.trim());
        model.addAttribute("past", at.isPresent());
        model.addAttribute("display", Display.INSTANCE);
        model.addAttribute("current", detail.current());
        cycle.ifPresent(c -> model.addAttribute("chart",
                json.writeValueAsString(KeyResultChart.of(detail, c, policy.greenFrom(), policy.amberFrom()))));
        model.addAttribute("audit", audit(id, at));
        return "key-result";
    }

    /** Newest first, as far as known at the moment shown. */
    private List<AuditEntry> audit(UUID id, Optional<Instant> at) {
        ChangeDescriber describer = new ChangeDescriber();
        List<AuditEntry> entries = new ArrayList<>(eventLog.ofKeyResult(id).stream().map(describer::describe)
                .filter(e -> at.isEmpty() || !e.occurredAt().isAfter(at.get()))
                .toList());
        Collections.reverse(entries);
        return entries;
    }
}
