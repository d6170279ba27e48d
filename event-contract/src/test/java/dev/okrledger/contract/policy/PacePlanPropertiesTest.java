package dev.okrledger.contract.policy;

import dev.okrledger.contract.event.Checkpoint;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** docs/domain.md "Expected progress and pace", as properties of {@link PacePlan}. */
class PacePlanPropertiesTest {

    private static final LocalDate STARTS = LocalDate.parse("2026-01-05");
    private static final long DAY_MILLIS = Duration.ofDays(1).toMillis();

    /** A plan whose checkpoints lie strictly inside the cycle and move steadily towards the target. */
    @Provide
    Arbitrary<PacePlan> steadyPlans() {
        Arbitrary<Integer> days = Arbitraries.integers().between(7, 200);
        Arbitrary<Integer> baselines = Arbitraries.integers().between(-1000, 1000);
        Arbitrary<Integer> spans = Arbitraries.integers().between(-1000, 1000).filter(s -> s != 0);
        return Combinators.combine(days, baselines, spans).flatAs((length, baseline, span) -> {
            Arbitrary<List<Integer>> checkpointDays = Arbitraries.integers()
                    .between(1, length - 1)
                    .list()
                    .uniqueElements()
                    .ofMaxSize(Math.min(6, length - 1));
            return checkpointDays.flatMap(cpDays -> Arbitraries.integers()
                    .between(0, 1000)
                    .list()
                    .ofSize(cpDays.size())
                    .map(shares -> plan(length, baseline, span, cpDays, shares)));
        });
    }

    private static PacePlan plan(
            int length, int baseline, int span, List<Integer> checkpointDays, List<Integer> sharesInThousandths) {
        List<Integer> sortedDays = checkpointDays.stream().sorted().toList();
        List<Integer> sortedShares = sharesInThousandths.stream().sorted().toList();
        List<Checkpoint> checkpoints = new ArrayList<>();
        for (int i = 0; i < sortedDays.size(); i++) {
            BigDecimal share = BigDecimal.valueOf(sortedShares.get(i)).movePointLeft(3);
            checkpoints.add(new Checkpoint(
                    STARTS.plusDays(sortedDays.get(i)),
                    BigDecimal.valueOf(baseline).add(BigDecimal.valueOf(span).multiply(share))));
        }
        return new PacePlan(
                STARTS,
                STARTS.plusDays(length),
                BigDecimal.valueOf(baseline),
                BigDecimal.valueOf(baseline + span),
                checkpoints);
    }

    private static Instant start(PacePlan plan) {
        return plan.startsOn().atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static Instant end(PacePlan plan) {
        return plan.endsOn().atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** A moment from ten days before the cycle to ten days after it, at {@code permille} of that span. */
    private static Instant moment(PacePlan plan, int permille) {
        long from = start(plan).toEpochMilli() - 10 * DAY_MILLIS;
        long to = end(plan).toEpochMilli() + 10 * DAY_MILLIS;
        return Instant.ofEpochMilli(from + (to - from) * permille / 1000);
    }

    @Property
    void expectedProgressNeverFallsAsTimePasses(
            @ForAll("steadyPlans") PacePlan plan,
            @ForAll @IntRange(min = 0, max = 1000) int earlier,
            @ForAll @IntRange(min = 0, max = 1000) int later) {
        Assume.that(earlier <= later);
        double before = plan.expectedProgressAt(moment(plan, earlier));
        double after = plan.expectedProgressAt(moment(plan, later));
        assertThat(after).isGreaterThanOrEqualTo(before);
        assertThat(before).isBetween(0.0, 1.0);
    }

    @Property
    void decreasingKeyResultsAreExpectedToMoveTowardsTheirTargetToo(
            @ForAll("steadyPlans") PacePlan plan, @ForAll @IntRange(min = 0, max = 999) int permille) {
        Assume.that(plan.target().compareTo(plan.baseline()) < 0);
        Instant at = moment(plan, permille);
        Instant step = at.plus(Duration.ofHours(6));
        assertThat(plan.expectedProgressAt(step)).isGreaterThanOrEqualTo(plan.expectedProgressAt(at));
    }

    @Property
    void withoutCheckpointsTheExpectationIsTheElapsedFraction(
            @ForAll("steadyPlans") PacePlan plan, @ForAll @IntRange(min = 0, max = 1000) int permille) {
        PacePlan linear = new PacePlan(plan.startsOn(), plan.endsOn(), plan.baseline(), plan.target(), List.of());
        Instant at = moment(plan, permille);
        assertThat(linear.planned()).isFalse();
        assertThat(linear.expectedProgressAt(at)).isEqualTo(Pace.expectedProgress(plan.startsOn(), plan.endsOn(), at));
    }

    @Property
    void checkpointsOnTheStraightLineChangeNothing(
            @ForAll("steadyPlans") PacePlan plan, @ForAll @IntRange(min = 0, max = 1000) int permille) {
        long length = plan.endsOn().toEpochDay() - plan.startsOn().toEpochDay();
        BigDecimal span = plan.target().subtract(plan.baseline());
        List<Checkpoint> onTheLine = plan.checkpoints().stream()
                .map(c -> new Checkpoint(
                        c.date(),
                        plan.baseline()
                                .add(span.multiply(BigDecimal.valueOf(c.date().toEpochDay()
                                                - plan.startsOn().toEpochDay()))
                                        .divide(BigDecimal.valueOf(length), MathContext.DECIMAL64))))
                .toList();
        PacePlan straight = new PacePlan(plan.startsOn(), plan.endsOn(), plan.baseline(), plan.target(), onTheLine);
        Instant at = moment(plan, permille);
        assertThat(straight.expectedProgressAt(at))
                .isCloseTo(Pace.expectedProgress(plan.startsOn(), plan.endsOn(), at), within(1e-9));
    }

    @Property
    void theExpectationPassesThroughEveryCheckpoint(@ForAll("steadyPlans") PacePlan plan) {
        for (Checkpoint checkpoint : plan.checkpoints()) {
            Instant at = checkpoint.date().atStartOfDay(ZoneOffset.UTC).toInstant();
            assertThat(plan.expectedProgressAt(at))
                    .isCloseTo(Progress.of(plan.baseline(), plan.target(), checkpoint.expectedValue()), within(1e-12));
        }
    }

    @Property
    void nothingIsExpectedAtTheStartAndEverythingAtTheEnd(
            @ForAll("steadyPlans") PacePlan plan, @ForAll @IntRange(min = 0, max = 100) int daysOutside) {
        Duration outside = Duration.ofDays(daysOutside);
        assertThat(plan.expectedProgressAt(start(plan).minus(outside))).isZero();
        assertThat(plan.expectedProgressAt(end(plan).plus(outside))).isEqualTo(1.0);
    }

    @Property
    void theLineBendsOnlyAtTheCycleEndsAndTheCheckpoints(@ForAll("steadyPlans") PacePlan plan) {
        List<Instant> corners = plan.corners();
        assertThat(corners)
                .startsWith(start(plan))
                .endsWith(end(plan))
                .isSorted()
                .doesNotHaveDuplicates()
                .hasSize(plan.checkpoints().size() + 2);
    }

    /**
     * A 128-day cycle from 0 to 128 with a tolerance of n/128 keeps every figure exact in binary, so
     * the boundary is hit exactly: at expected − tolerance the key result is on track, just below it
     * behind. Judged at the start, the end and every checkpoint of a plan with whole-number values.
     */
    @Property
    void theVerdictTurnsExactlyAtExpectedMinusTolerance(
            @ForAll @IntRange(min = 0, max = 127) int toleranceIn128ths, @ForAll("wholeNumberPlans") PacePlan plan) {
        OkrPolicy policy = new OkrPolicy(7, 4, 3, toleranceIn128ths / 128.0, Duration.ofDays(2));
        List<Instant> moments = plan.corners();
        for (Instant at : moments) {
            double expected = plan.expectedProgressAt(at);
            BigDecimal boundary = BigDecimal.valueOf(expected * 128 - toleranceIn128ths);
            if (boundary.signum() <= 0) {
                continue; // progress cannot fall below 0
            }
            PaceJudgement atBoundary = plan.judge(boundary, at, policy);
            assertThat(atBoundary.progress()).isEqualTo(expected - policy.paceTolerance());
            assertThat(atBoundary.verdict()).isEqualTo(PaceVerdict.ON_TRACK);
            assertThat(plan.judge(boundary.subtract(new BigDecimal("0.001")), at, policy)
                            .verdict())
                    .isEqualTo(PaceVerdict.BEHIND);
        }
    }

    @Provide
    Arbitrary<PacePlan> wholeNumberPlans() {
        return Arbitraries.integers()
                .between(1, 127)
                .list()
                .uniqueElements()
                .ofMaxSize(5)
                .flatMap(days -> Arbitraries.integers()
                        .between(0, 128)
                        .list()
                        .ofSize(days.size())
                        .map(values -> {
                            List<Integer> sortedDays = days.stream().sorted().toList();
                            List<Integer> sortedValues =
                                    values.stream().sorted().toList();
                            List<Checkpoint> checkpoints = IntStream.range(0, days.size())
                                    .mapToObj(i -> new Checkpoint(
                                            STARTS.plusDays(sortedDays.get(i)),
                                            BigDecimal.valueOf(sortedValues.get(i))))
                                    .toList();
                            return new PacePlan(
                                    STARTS,
                                    STARTS.plusDays(128),
                                    BigDecimal.ZERO,
                                    BigDecimal.valueOf(128),
                                    checkpoints);
                        }));
    }

    @Property
    void theVerdictRuleItselfTurnsAtExpectedMinusTolerance(
            @ForAll @DoubleRange(min = 0, max = 1) double expected,
            @ForAll @DoubleRange(min = 0, max = 0.99) double tolerance) {
        OkrPolicy policy = new OkrPolicy(7, 4, 3, tolerance, Duration.ofDays(2));
        double boundary = expected - tolerance;
        assertThat(PaceVerdict.of(boundary, expected, policy)).isEqualTo(PaceVerdict.ON_TRACK);
        assertThat(PaceVerdict.of(Math.nextDown(boundary), expected, policy)).isEqualTo(PaceVerdict.BEHIND);
    }
}
