package dev.okrledger.query.board;

import dev.okrledger.contract.event.ConfidenceBand;
import dev.okrledger.contract.policy.PaceVerdict;

import java.util.List;

/** Key results per confidence band of their latest check-in; {@code noCheckIn} have none yet. */
public record BandCounts(int green, int amber, int red, int noCheckIn, int behindPace, int stale) {

    public static BandCounts of(List<ObjectiveState> objectives) {
        int[] bands = new int[ConfidenceBand.values().length];
        int none = 0;
        int behind = 0;
        int stale = 0;
        for (ObjectiveState o : objectives) {
            for (KeyResultState k : o.keyResults()) {
                if (k.band() == null) {
                    none++;
                } else {
                    bands[k.band().ordinal()]++;
                }
                behind += k.pace() == PaceVerdict.BEHIND ? 1 : 0;
                stale += k.stale() ? 1 : 0;
            }
        }
        return new BandCounts(
                bands[ConfidenceBand.GREEN.ordinal()],
                bands[ConfidenceBand.AMBER.ordinal()],
                bands[ConfidenceBand.RED.ordinal()],
                none,
                behind,
                stale);
    }
}
