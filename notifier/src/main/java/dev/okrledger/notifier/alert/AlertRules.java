package dev.okrledger.notifier.alert;

import dev.okrledger.contract.event.ConfidenceBand;
import dev.okrledger.contract.event.ConfidenceChanged;
import dev.okrledger.contract.policy.OkrPolicy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** The alerting rules of domain.md, as pure functions of events and the policy. */
public final class AlertRules {

    private final OkrPolicy policy;

    public AlertRules(OkrPolicy policy) {
        this.policy = policy;
    }

    /**
     * Sharp drop: confidence falls by at least the threshold, or its band worsens. RED when the new
     * confidence is in the red band, otherwise AMBER. A rise never alerts.
     */
    public Optional<Alert> confidenceDrop(ConfidenceChanged change, Instant raisedAt) {
        if (!policy.isSharpDrop(change.fromConfidence(), change.toConfidence())) {
            return Optional.empty();
        }
        Severity severity = policy.bandOf(change.toConfidence()) == ConfidenceBand.RED ? Severity.RED : Severity.AMBER;
        return Optional.of(new Alert(alertId(AlertKind.CONFIDENCE_DROP, change.keyResultId(), change.checkInId()),
                change.keyResultId(), change.objectiveId(), change.checkInId(), AlertKind.CONFIDENCE_DROP, severity,
                change.fromConfidence(), change.toConfidence(), raisedAt));
    }

    static UUID alertId(AlertKind kind, UUID keyResultId, UUID trigger) {
        return UUID.nameUUIDFromBytes((kind + "/" + keyResultId + "/" + trigger).getBytes(StandardCharsets.UTF_8));
    }
}
