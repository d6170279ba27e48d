package dev.okrledger.query.keyresult;

import dev.okrledger.contract.event.ConfidenceBand;
import dev.okrledger.query.board.PaceStatus;
import dev.okrledger.query.board.Trend;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A key result with its history ready to plot: actual progress and confidence per check-in (in
 * effective order) beside the expected-progress line, and what each check-in said.
 *
 * @param asOf        the moment shown (null = now); check-ins recorded later are left out
 * @param initiatives not in the events yet: always empty until initiatives are published
 * @param pivots      not in the events yet: always empty
 * @param targetChanges not in the events yet: always empty
 */
public record KeyResultDetail(UUID id, UUID objectiveId, UUID cycleId, String title, String unit, String indicator,
                              String owner, BigDecimal baseline, BigDecimal target, Instant asOf, Current current,
                              List<Point> series, List<ExpectedPoint> expectedLine, List<Conversation> conversations,
                              List<Object> initiatives, List<Object> pivots, List<Object> targetChanges) {

    /** @param expectedProgress null while the cycle is not known here yet */
    public record Current(BigDecimal value, double progress, Double expectedProgress, PaceStatus pace,
                          Integer confidence, ConfidenceBand band, Trend trend, boolean stale, Instant lastCheckInAt) {
    }

    public record Point(UUID checkInId, Instant effectiveAt, BigDecimal value, double progress, Double expectedProgress,
                        int confidence, ConfidenceBand band, Instant recordedAt) {
    }

    /** Expected progress is linear over the cycle; the points are its start, the moment shown and its end. */
    public record ExpectedPoint(Instant at, double expectedProgress) {
    }

    /** A check-in that said something: note, blockers or decision. */
    public record Conversation(UUID checkInId, Instant effectiveAt, Instant recordedAt, String recordedBy,
                               int confidence, String note, String blockers, String decision) {
    }
}
