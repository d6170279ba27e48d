package dev.okrledger.query.replay;

import dev.okrledger.query.board.AtRisk;
import dev.okrledger.query.board.BandCounts;
import dev.okrledger.query.board.ObjectiveState;
import dev.okrledger.query.cycle.CycleSnapshot;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The board at the end of each finished week of a cycle, by effective time, with everything known today. */
public record CycleReplay(CycleSnapshot cycle, List<Week> weeks) {

    /**
     * @param endsAt     start of the cycle + 7 x week days (the last week may end at the cycle end)
     * @param behindPace key results behind pace at the end of the week
     */
    public record Week(
            int week,
            Instant endsAt,
            double expectedProgress,
            BandCounts counts,
            List<KeyResultRef> behindPace,
            List<AtRisk> atRisk,
            List<ObjectiveState> objectives) {}

    public record KeyResultRef(UUID keyResultId, String title, double progress) {}
}
