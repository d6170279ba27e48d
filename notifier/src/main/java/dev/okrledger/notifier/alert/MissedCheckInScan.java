package dev.okrledger.notifier.alert;

import dev.okrledger.notifier.tracking.TrackingReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;

/**
 * Finds stale key results: nothing in the event stream says "a week went by", so a scan at the
 * clock's now raises MISSED_CHECK_IN. Each key result is checked in its own transaction, with its
 * row locked against a check-in arriving at the same moment. Its alert id names the last check-in,
 * so scanning again (or on another instance) raises nothing new.
 */
@Component
public class MissedCheckInScan {

    private static final Logger log = LoggerFactory.getLogger(MissedCheckInScan.class);

    private final TrackingReader state;
    private final AlertRules rules;
    private final AlertLifecycle lifecycle;
    private final TransactionTemplate transactions;
    private final Clock clock;

    MissedCheckInScan(
            TrackingReader state,
            AlertRules rules,
            AlertLifecycle lifecycle,
            TransactionTemplate transactions,
            Clock clock) {
        this.state = state;
        this.rules = rules;
        this.lifecycle = lifecycle;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Scheduled(
            fixedDelayString = "${okr.alerts.scan-interval:PT1H}",
            initialDelayString = "${okr.alerts.scan-initial-delay:PT1H}")
    void scheduled() {
        int raised = scan();
        if (raised > 0) {
            log.info("Missed-check-in scan raised {} alerts", raised);
        }
    }

    /** Scans every key result of an active cycle at the clock's now; returns how many alerts it raised. */
    public int scan() {
        Instant now = clock.instant();
        int raised = 0;
        for (var keyResultId : state.keyResultsOfActiveCycles()) {
            Boolean fresh = transactions.execute(status -> state.keyResultForUpdate(keyResultId)
                    .flatMap(kr -> state.cycle(kr.cycleId()).flatMap(cycle -> rules.missedCheckIn(kr, cycle, now)))
                    .map(lifecycle::raise)
                    .orElse(false));
            raised += Boolean.TRUE.equals(fresh) ? 1 : 0;
        }
        return raised;
    }
}
