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
        List<CycleReplay.Week> weeks = new ArrayList<>();
        int finished = finishedWeeks(cycle);
        for (int week = 1; week <= finished; week++) {
            Instant endsAt = endOfWeek(cycle, week);
            weeks.add(week(week, endsAt, board(cycle, week)));
        }
        return new CycleReplay(cycle, weeks);
    }

    /** How many weeks of the cycle have ended by now. */
    public int finishedWeeks(CycleSnapshot cycle) {
        Instant now = clock.instant();
        int weeks = 0;
        while (cycle.start().plus(Duration.ofDays(7L * weeks)).isBefore(cycle.end())
                && !endOfWeek(cycle, weeks + 1).isAfter(now)) {
            weeks++;
        }
        return weeks;
    }

    /** The board at the end of one week (1 is the first), by effective time, with everything known today. */
    public Board board(CycleSnapshot cycle, int week) {
        return boards.read(cycle, Moment.effectiveAt(endOfWeek(cycle, week)));
    }

    /** Start of the cycle + 7 x week days; the last week may end at the cycle end. */
    public static Instant endOfWeek(CycleSnapshot cycle, int week) {
        return min(cycle.start().plus(Duration.ofDays(7L * week)), cycle.end());
    }

    private static CycleReplay.Week week(int week, Instant endsAt, Board board) {
        List<CycleReplay.KeyResultRef> behind = board.keyResults()
                .filter(k -> k.pace() == PaceVerdict.BEHIND)
                .map(k -> new CycleReplay.KeyResultRef(k.id(), k.title(), k.progress()))
                .toList();
        return new CycleReplay.Week(
                week,
                endsAt,
                board.expectedProgress(),
                BandCounts.of(board.objectives()),
                behind,
                AtRisk.of(board.objectives()),
                board.objectives());
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
