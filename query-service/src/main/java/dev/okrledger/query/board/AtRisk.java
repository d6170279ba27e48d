package dev.okrledger.query.board;

import dev.okrledger.contract.event.ConfidenceBand;
import dev.okrledger.contract.policy.PaceVerdict;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/** A key result that needs attention, and why: red or amber confidence, behind pace, stale. */
public record AtRisk(
        UUID keyResultId,
        String title,
        String owner,
        UUID objectiveId,
        String objectiveTitle,
        String team,
        Integer confidence,
        ConfidenceBand band,
        double progress,
        double expectedProgress,
        Instant lastCheckInAt,
        List<RiskReason> reasons) {

    /** Red first, then amber, then the rest; within a rank the furthest behind expected first. */
    public static List<AtRisk> of(List<ObjectiveState> objectives) {
        List<AtRisk> risks = new ArrayList<>();
        for (ObjectiveState o : objectives) {
            for (KeyResultState k : o.keyResults()) {
                List<RiskReason> reasons = new ArrayList<>();
                if (k.band() == ConfidenceBand.RED) {
                    reasons.add(RiskReason.RED);
                } else if (k.band() == ConfidenceBand.AMBER) {
                    reasons.add(RiskReason.AMBER);
                }
                if (k.pace() == PaceVerdict.BEHIND) {
                    reasons.add(RiskReason.BEHIND_PACE);
                }
                if (k.stale()) {
                    reasons.add(RiskReason.STALE);
                }
                if (!reasons.isEmpty()) {
                    risks.add(new AtRisk(
                            k.id(),
                            k.title(),
                            k.owner(),
                            o.id(),
                            o.title(),
                            o.team(),
                            k.confidence(),
                            k.band(),
                            k.progress(),
                            k.expectedProgress(),
                            k.lastCheckInAt(),
                            List.copyOf(reasons)));
                }
            }
        }
        risks.sort(Comparator.comparingInt(
                        (AtRisk r) -> r.band() == ConfidenceBand.RED ? 0 : r.band() == ConfidenceBand.AMBER ? 1 : 2)
                .thenComparingDouble(r -> r.progress() - r.expectedProgress()));
        return risks;
    }
}
