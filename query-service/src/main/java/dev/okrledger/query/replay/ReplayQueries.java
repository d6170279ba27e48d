package dev.okrledger.query.replay;

import dev.okrledger.contract.policy.PaceVerdict;
import dev.okrledger.query.board.AtRisk;
import dev.okrledger.query.board.BandCounts;
import dev.okrledger.query.board.Board;
import dev.okrledger.query.board.BoardReader;
import dev.okrledger.query.cycle.CycleSnapshot;
import dev.okrledger.query.cycle.Moment;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

@Component
public class ReplayQueries {

    private final BoardReader boards;
    private final Clock clock;

    ReplayQueries(BoardReader boards, Clock clock) {
        this.boards = boards;
        this.clock = clock;
    }

    /** Weeks that have ended; a running cycle replays up to its last finished week. */
    public CycleReplay replay(CycleSnapshot cycle) {
        Instant now = clock.instant();
        List<CycleReplay.Week> weeks = new ArrayList<>();
        for (int week = 1; ; week++) {
            Instant weekStart = cycle.start().plus(Duration.ofDays(7L * (week - 1)));
            Instant endsAt = min(cycle.start().plus(Duration.ofDays(7L * week)), cycle.end());
            if (!weekStart.isBefore(cycle.end()) || endsAt.isAfter(now)) {
                break;
            }
            weeks.add(week(week, endsAt, boards.read(cycle, Moment.effectiveAt(endsAt))));
        }
        return new CycleReplay(cycle, weeks);
    }

    private static CycleReplay.Week week(int week, Instant endsAt, Board board) {
        List<CycleReplay.KeyResultRef> behind = board.keyResults()
                .filter(k -> k.pace() == PaceVerdict.BEHIND)
                .map(k -> new CycleReplay.KeyResultRef(k.id(), k.title(), k.progress()))
                .toList();
        return new CycleReplay.Week(week, endsAt, board.expectedProgress(), BandCounts.of(board.objectives()), behind,
                AtRisk.of(board.objectives()), board.objectives());
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
