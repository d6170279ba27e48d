package dev.okrledger.notifier.alert;

import dev.okrledger.security.CurrentUser;
import dev.okrledger.security.Forbidden;
import dev.okrledger.support.problem.BadRequest;
import dev.okrledger.support.problem.Conflict;
import dev.okrledger.support.problem.NotFound;
import dev.okrledger.support.problem.ProblemRules;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@RestController
@RequestMapping("/api/alerts")
@Tag(name = "Alerts")
class AlertController {

    private final AlertStore store;
    private final AlertLifecycle lifecycle;
    private final MissedCheckInScan scan;
    private final Clock clock;
    private final TransactionTemplate transactions;

    AlertController(
            AlertStore store,
            AlertLifecycle lifecycle,
            MissedCheckInScan scan,
            Clock clock,
            TransactionTemplate transactions) {
        this.transactions = transactions;
        this.store = store;
        this.lifecycle = lifecycle;
        this.scan = scan;
        this.clock = clock;
    }

    /** {@code status}: open (OPEN or ACKNOWLEDGED), acknowledged or resolved; case-insensitive. */
    @GetMapping
    List<Alert> alerts(
            @RequestParam(required = false) UUID cycleId,
            @RequestParam(required = false) String team,
            @RequestParam(required = false) UUID keyResultId,
            @RequestParam(required = false) String severity,
            @RequestParam(required = false) String status) {
        return store.find(new AlertFilter(
                cycleId,
                blankToNull(team),
                keyResultId,
                parse(Severity.class, "severity", severity),
                parse(AlertFilter.StatusFilter.class, "status", status)));
    }

    @GetMapping("/{id}")
    Alert alert(@PathVariable UUID id) {
        return store.find(id).orElseThrow(() -> new NotFound("alert", id));
    }

    /** Idempotent: acknowledging an acknowledged alert changes nothing; a resolved one is a conflict. */
    @PostMapping("/{id}/acknowledge")
    Alert acknowledge(@PathVariable UUID id) {
        String actor = CurrentUser.get().subject();
        return transactions.execute(tx -> {
            Alert alert = alert(id);
            requireOwningTeam(alert);
            if (alert.status() == AlertStatus.RESOLVED) {
                throw new Conflict("alert-already-resolved", "Alert " + id + " is already resolved");
            }
            return lifecycle.acknowledge(id, clock.instant(), actor).orElse(alert);
        });
    }

    /** Idempotent: resolving a resolved alert changes nothing. */
    @PostMapping("/{id}/resolve")
    Alert resolve(@PathVariable UUID id) {
        String actor = CurrentUser.get().subject();
        return transactions.execute(tx -> {
            Alert alert = alert(id);
            requireOwningTeam(alert);
            return lifecycle.resolve(id, clock.instant(), actor).orElse(alert);
        });
    }

    /** Runs the missed-check-in scan now, at the notifier's clock (it also runs on a schedule). */
    @PostMapping("/scan")
    Map<String, Integer> scan() {
        if (!CurrentUser.get().isLeadOrAdmin()) {
            throw new Forbidden("scan-needs-lead-or-admin", "Only OKR leads and admins run the scan by hand");
        }
        return Map.of("raised", scan.scan());
    }

    /** Alerts are handled by the team that owns the key result (or OKR leads and admins). */
    private static void requireOwningTeam(Alert alert) {
        if (!CurrentUser.get().mayChange(alert.team(), null)) {
            throw new Forbidden(
                    "alert-belongs-to-its-team",
                    "Only members of team '" + alert.team() + "' (or OKR leads) acknowledge or resolve this alert");
        }
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadRequest(
                    ProblemRules.INVALID_FIELD,
                    field,
                    field + ": '" + value + "' is not one of " + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
