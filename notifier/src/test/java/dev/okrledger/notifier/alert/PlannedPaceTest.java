package dev.okrledger.notifier.alert;

import dev.okrledger.contract.event.Checkpoint;
import dev.okrledger.contract.policy.Pace;
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

class PlannedPaceTest {

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
        return PlannedPace.expectedProgress(STARTS, ENDS, baseline, target, checkpoints, at);
    }

    @ParameterizedTest
    @ValueSource(doubles = {-3, 0, 10.5, 45.5, 90, 91, 120})
    void withoutCheckpointsItIsTheLinearElapsedFraction(double day) {
        assertThat(expected(ZERO, HUNDRED, List.of(), day(day)))
                .isEqualTo(Pace.expectedProgress(STARTS, ENDS, day(day)));
    }

    @Test
    void aSlowStartFollowsTheCheckpointThenRunsToTheTarget() {
        List<Checkpoint> plan = List.of(at(28, "10"));            // 10 % by day 28, 100 % at the end
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
        assertThat(expected(new BigDecimal("12"), new BigDecimal("4"), plan, day(28))).isCloseTo(0.125, within(1e-9));
        assertThat(expected(new BigDecimal("12"), new BigDecimal("4"), plan, day(14))).isCloseTo(0.0625, within(1e-9));
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
}
