package dev.okrledger.notifier.alert;

import dev.okrledger.contract.event.Checkpoint;
import dev.okrledger.contract.policy.Pace;
import dev.okrledger.contract.policy.Progress;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Expected progress of a key result at a moment (domain.md): the elapsed fraction of the cycle
 * unless the key result has planned checkpoints. With checkpoints the expected <em>value</em> runs
 * piecewise linearly through (cycle start, baseline), each checkpoint (date → expected value) and
 * (cycle end, target), and is turned into progress with the {@link Progress} formula (so decreasing
 * and milestone key results work alike). Dates are read as the start of their UTC day, like cycle
 * dates; a checkpoint on the start or end date replaces that end point; checkpoints outside the cycle
 * are ignored; of several on one date the last counts.
 */
public final class PlannedPace {

    private PlannedPace() {
    }

    public static double expectedProgress(LocalDate startsOn, LocalDate endsOn, BigDecimal baseline,
                                          BigDecimal target, List<Checkpoint> checkpoints, Instant at) {
        if (checkpoints.isEmpty()) {
            return Pace.expectedProgress(startsOn, endsOn, at);
        }
        Instant start = startOf(startsOn);
        Instant end = startOf(endsOn);
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("a cycle must end after it starts");
        }
        List<Point> path = path(start, end, baseline, target, checkpoints);
        return Progress.of(baseline, target, valueAt(path, at));
    }

    private record Point(Instant at, BigDecimal value) {
    }

    private static List<Point> path(Instant start, Instant end, BigDecimal baseline, BigDecimal target,
                                    List<Checkpoint> checkpoints) {
        List<Point> path = new ArrayList<>();
        path.add(new Point(start, baseline));
        checkpoints.stream().sorted(Comparator.comparing(Checkpoint::date)).forEach(checkpoint -> {
            Instant at = startOf(checkpoint.date());
            if (at.isBefore(start) || at.isAfter(end)) {
                return;
            }
            Point point = new Point(at, checkpoint.expectedValue());
            if (path.get(path.size() - 1).at().equals(at)) {
                path.set(path.size() - 1, point);
            } else {
                path.add(point);
            }
        });
        if (path.get(path.size() - 1).at().isBefore(end)) {
            path.add(new Point(end, target));
        }
        return path;
    }

    private static BigDecimal valueAt(List<Point> path, Instant at) {
        if (!at.isAfter(path.get(0).at())) {
            return path.get(0).value();
        }
        for (int i = 1; i < path.size(); i++) {
            Point to = path.get(i);
            if (!at.isAfter(to.at())) {
                Point from = path.get(i - 1);
                BigDecimal fraction = BigDecimal.valueOf(at.toEpochMilli() - from.at().toEpochMilli())
                        .divide(BigDecimal.valueOf(to.at().toEpochMilli() - from.at().toEpochMilli()),
                                MathContext.DECIMAL64);
                return from.value().add(to.value().subtract(from.value()).multiply(fraction, MathContext.DECIMAL64));
            }
        }
        return path.get(path.size() - 1).value();
    }

    private static Instant startOf(LocalDate date) {
        return date.atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
