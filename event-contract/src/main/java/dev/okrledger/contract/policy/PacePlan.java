package dev.okrledger.contract.policy;

import dev.okrledger.contract.event.Checkpoint;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * What a key result is expected to achieve over its cycle, and so where it should be at any moment
 * (docs/domain.md "Expected progress and pace"). The one place that computes a key result's expected
 * progress and pace verdict: the notifier's BEHIND_PACE rule, the boards, the key result views,
 * replay and retrospective all judge through {@link #judge}.
 * <p>
 * Without checkpoints the expected progress is the elapsed fraction of the cycle ({@link Pace}). With
 * checkpoints the expected <em>value</em> runs piecewise linearly through (cycle start, baseline),
 * each checkpoint (date → expected value) and (cycle end, target), and becomes expected progress
 * through the {@link Progress} formula, so decreasing and milestone key results work alike. Dates are
 * read as the start of their UTC day, like cycle dates; a checkpoint on the start or end date replaces
 * that end point; checkpoints outside the cycle are ignored; of several on one date the last listed
 * counts.
 *
 * @param target      the target as known at the moment judged (a target change moves the end point;
 *                    checkpoints are absolute values and stay)
 * @param checkpoints the key result's planned checkpoints; empty means linear pace
 */
public record PacePlan(
        LocalDate startsOn, LocalDate endsOn, BigDecimal baseline, BigDecimal target, List<Checkpoint> checkpoints) {

    public PacePlan {
        Objects.requireNonNull(startsOn, "startsOn");
        Objects.requireNonNull(endsOn, "endsOn");
        Objects.requireNonNull(baseline, "baseline");
        Objects.requireNonNull(target, "target");
        if (!endsOn.isAfter(startsOn)) {
            throw new IllegalArgumentException("a cycle must end after it starts");
        }
        if (target.compareTo(baseline) == 0) {
            throw new IllegalArgumentException("target must differ from baseline");
        }
        checkpoints = checkpoints == null ? List.of() : List.copyOf(checkpoints);
    }

    /** The expectation follows planned checkpoints rather than the straight line. */
    public boolean planned() {
        return !checkpoints.isEmpty();
    }

    /** Expected progress (0..1) at {@code at}: 0 up to the cycle start, the last planned point from its end on. */
    public double expectedProgressAt(Instant at) {
        if (!planned()) {
            return Pace.expectedProgress(startsOn, endsOn, at);
        }
        return Progress.of(baseline, target, valueAt(path(), at));
    }

    /**
     * The pace of the key result at {@code at} when its value is {@code value}.
     *
     * @param value the value judged (the latest check-in's as of {@code at}); null before the first
     *              check-in, which counts as progress 0
     */
    public PaceJudgement judge(BigDecimal value, Instant at, OkrPolicy policy) {
        double expected = expectedProgressAt(at);
        double progress = value == null ? 0.0 : Progress.of(baseline, target, value);
        return new PaceJudgement(expected, progress, PaceVerdict.of(progress, expected, policy), planned());
    }

    /**
     * The moments where the expected-progress line may bend, in order: the cycle start, each
     * checkpoint inside the cycle and the cycle end. Between two of them the line is straight (unless
     * a plan beyond the target is clamped to 1), so a chart draws it from these points.
     */
    public List<Instant> corners() {
        return path().stream().map(Point::at).toList();
    }

    private record Point(Instant at, BigDecimal value) {}

    private List<Point> path() {
        Instant start = startOf(startsOn);
        Instant end = startOf(endsOn);
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
                BigDecimal fraction = BigDecimal.valueOf(
                                at.toEpochMilli() - from.at().toEpochMilli())
                        .divide(
                                BigDecimal.valueOf(
                                        to.at().toEpochMilli() - from.at().toEpochMilli()),
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
