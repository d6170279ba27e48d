package dev.okrledger.contract.policy;

import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ProgressPropertiesTest {

    @Property
    void progressIsAlwaysWithinZeroAndOne(@ForAll int baseline, @ForAll int target, @ForAll int value) {
        Assume.that(baseline != target);
        double progress =
                Progress.of(BigDecimal.valueOf(baseline), BigDecimal.valueOf(target), BigDecimal.valueOf(value));
        assertThat(progress).isBetween(0.0, 1.0);
    }

    @Property
    void baselineIsZeroAndTargetIsOneInBothDirections(@ForAll int baseline, @ForAll int target) {
        Assume.that(baseline != target);
        BigDecimal b = BigDecimal.valueOf(baseline);
        BigDecimal t = BigDecimal.valueOf(target);
        assertThat(Progress.of(b, t, b)).isZero();
        assertThat(Progress.of(b, t, t)).isEqualTo(1.0);
    }

    @Property
    void movingTowardsTheTargetNeverLowersProgress(
            @ForAll @IntRange(min = -1000, max = 1000) int baseline,
            @ForAll @IntRange(min = -1000, max = 1000) int target,
            @ForAll @IntRange(min = 0, max = 100) int stepsDone) {
        Assume.that(baseline != target);
        BigDecimal b = BigDecimal.valueOf(baseline);
        BigDecimal t = BigDecimal.valueOf(target);
        BigDecimal step = t.subtract(b).divide(BigDecimal.valueOf(100));
        BigDecimal value = b.add(step.multiply(BigDecimal.valueOf(stepsDone)));
        BigDecimal further = value.add(step);
        assertThat(Progress.of(b, t, further)).isGreaterThanOrEqualTo(Progress.of(b, t, value));
        assertThat(Progress.of(b, t, value)).isCloseTo(stepsDone / 100.0, within(1e-9));
    }

    @Property
    void decreasingKeyResultsUseTheSameFormula() {
        // docs/domain.md: first response 12 h -> 4 h, now 9 h
        assertThat(Progress.of(new BigDecimal("12"), new BigDecimal("4"), new BigDecimal("9")))
                .isEqualTo(0.375);
    }

    @Property
    void expectedProgressIsTheElapsedFractionOfTheCycle(@ForAll @IntRange(min = 0, max = 91) int day) {
        LocalDate start = LocalDate.parse("2026-04-01");
        Instant at = start.plusDays(day).atStartOfDay(ZoneOffset.UTC).toInstant();
        assertThat(Pace.expectedProgress(start, start.plusDays(91), at)).isCloseTo(day / 91.0, within(1e-9));
    }

    @Property
    void expectedProgressIsClampedOutsideTheCycle(@ForAll @IntRange(min = 1, max = 500) int days) {
        LocalDate start = LocalDate.parse("2026-04-01");
        LocalDate end = start.plusDays(91);
        assertThat(Pace.expectedProgress(
                        start,
                        end,
                        start.minusDays(days).atStartOfDay(ZoneOffset.UTC).toInstant()))
                .isZero();
        assertThat(Pace.expectedProgress(
                        start,
                        end,
                        end.plusDays(days).atStartOfDay(ZoneOffset.UTC).toInstant()))
                .isEqualTo(1.0);
    }
}
