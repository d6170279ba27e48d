package dev.okrledger.contract.policy;

import dev.okrledger.contract.event.Checkpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class PacePlanTest {

    // 91 days from 2026-01-05: a 13-week quarter
    private static final LocalDate STARTS = LocalDate.parse("2026-01-05");
    private static final LocalDate ENDS = LocalDate.parse("2026-04-06");
    private static final Instant START = STARTS.atStartOfDay(ZoneOffset.UTC).toInstant();
    private static final BigDecimal ZERO = BigDecimal.ZERO;
    private static final BigDecimal HUNDRED = new BigDecimal("100");

    private static Instant day(double days) {
        return START.plus(Duration.ofMillis((long) (days * 86_400_000)));
    }

    private static Checkpoint at(int day, String value) {
        return new Checkpoint(STARTS.plusDays(day), new BigDecimal(value));
    }

    private static double expected(BigDecimal baseline, BigDecimal target, List<Checkpoint> checkpoints, Instant at) {
        return new PacePlan(STARTS, ENDS, baseline, target, checkpoints).expectedProgressAt(at);
    }

    @ParameterizedTest
    @ValueSource(doubles = {-3, 0, 10.5, 45.5, 90, 91, 120})
    void withoutCheckpointsItIsTheLinearElapsedFraction(double day) {
        assertThat(expected(ZERO, HUNDRED, List.of(), day(day)))
                .isEqualTo(Pace.expectedProgress(STARTS, ENDS, day(day)));
    }

    @Test
    void aSlowStartFollowsTheCheckpointThenRunsToTheTarget() {
        List<Checkpoint> plan = List.of(at(28, "10")); // 10 % by day 28, 100 % at the end
        assertThat(expected(ZERO, HUNDRED, plan, day(0))).isZero();
        assertThat(expected(ZERO, HUNDRED, plan, day(14))).isCloseTo(0.05, within(1e-9));
        assertThat(expected(ZERO, HUNDRED, plan, day(28))).isCloseTo(0.10, within(1e-9));
        assertThat(expected(ZERO, HUNDRED, plan, day(59.5))).isCloseTo(0.55, within(1e-9));
        assertThat(expected(ZERO, HUNDRED, plan, day(91))).isEqualTo(1.0);
    }

    @Test
    void beforeTheStartNothingAndAfterTheEndEverythingIsExpected() {
        List<Checkpoint> plan = List.of(at(28, "10"));
        assertThat(expected(ZERO, HUNDRED, plan, day(-5))).isZero();
        assertThat(expected(ZERO, HUNDRED, plan, day(100))).isEqualTo(1.0);
    }

    @Test
    void aDecreasingKeyResultUsesTheProgressFormula() {
        // 12 h -> 4 h, planned 11 h by day 28: (11 - 12) / (4 - 12) = 0.125
        List<Checkpoint> plan = List.of(at(28, "11"));
        assertThat(expected(new BigDecimal("12"), new BigDecimal("4"), plan, day(28)))
                .isCloseTo(0.125, within(1e-9));
        assertThat(expected(new BigDecimal("12"), new BigDecimal("4"), plan, day(14)))
                .isCloseTo(0.0625, within(1e-9));
    }

    @Test
    void aMilestoneKeyResultCountsMilestones() {
        // three milestones: baseline 0, target 3; one planned by day 30, two by day 60
        List<Checkpoint> plan = List.of(at(60, "2"), at(30, "1")); // unsorted on purpose
        assertThat(expected(ZERO, new BigDecimal("3"), plan, day(45))).isCloseTo(0.5, within(1e-9));
        assertThat(expected(ZERO, new BigDecimal("3"), plan, day(75.5))).isCloseTo(5.0 / 6, within(1e-9));
    }

    @Test
    void aCheckpointOnTheEndDateReplacesTheTargetAndTheLastOfOneDateCounts() {
        List<Checkpoint> plan = List.of(at(91, "80"), at(28, "20"), at(28, "40"));
        assertThat(expected(ZERO, HUNDRED, plan, day(28))).isCloseTo(0.40, within(1e-9));
        assertThat(expected(ZERO, HUNDRED, plan, day(91))).isCloseTo(0.80, within(1e-9));
    }

    @Test
    void aPlanAboveTheTargetIsClampedLikeProgress() {
        List<Checkpoint> plan = List.of(at(28, "150"));
        assertThat(expected(ZERO, HUNDRED, plan, day(28))).isEqualTo(1.0);
    }

    @Test
    void beforeTheFirstCheckInProgressCountsAsZero() {
        PaceJudgement judged = new PacePlan(STARTS, ENDS, new BigDecimal("12"), new BigDecimal("4"), List.of())
                .judge(null, day(42), OkrPolicy.defaults());
        assertThat(judged.progress()).isZero();
        assertThat(judged.behind()).isTrue();
    }

    @Test
    void theLineBendsAtTheCheckpointsInsideTheCycle() {
        List<Checkpoint> plan = List.of(at(60, "2"), at(30, "1"), at(30, "1.5"), at(91, "3"));
        assertThat(new PacePlan(STARTS, ENDS, ZERO, new BigDecimal("3"), plan).corners())
                .containsExactly(day(0), day(30), day(60), day(91));
        assertThat(new PacePlan(STARTS, ENDS, ZERO, HUNDRED, List.of()).corners())
                .containsExactly(day(0), day(91));
    }

    @Test
    void aFrontLoadedPlanJudgesHalfwayAtWeekSixBehindThoughTheStraightLineWouldNot() {
        // the case of issue 10: 80 % planned by week 4, progress 0.5 at week 6
        PacePlan frontLoaded = new PacePlan(STARTS, ENDS, ZERO, HUNDRED, List.of(at(28, "80")));
        PaceJudgement judged = frontLoaded.judge(new BigDecimal("50"), day(42), OkrPolicy.defaults());
        assertThat(judged.expectedProgress()).isCloseTo((80 + 20 * 14 / 63.0) / 100, within(1e-9));
        assertThat(judged.progress()).isEqualTo(0.5);
        assertThat(judged.verdict()).isEqualTo(PaceVerdict.BEHIND);
        assertThat(judged.planned()).isTrue();

        PaceJudgement linear = new PacePlan(STARTS, ENDS, ZERO, HUNDRED, List.of())
                .judge(new BigDecimal("50"), day(42), OkrPolicy.defaults());
        assertThat(linear.expectedProgress()).isCloseTo(42 / 91.0, within(1e-9));
        assertThat(linear.verdict()).isEqualTo(PaceVerdict.ON_TRACK);
        assertThat(linear.planned()).isFalse();
    }
}
