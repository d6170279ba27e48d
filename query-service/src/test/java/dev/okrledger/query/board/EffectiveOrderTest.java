package dev.okrledger.query.board;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The order of a key result's values, check-ins and measurements together (docs/read-models.md). */
class EffectiveOrderTest {

    private record V(String name, Instant effectiveAt, boolean measured, long sequence)
            implements EffectiveOrder.Value {
        @Override
        public BigDecimal value() {
            return BigDecimal.ONE;
        }
    }

    private static final Instant MONDAY = Instant.parse("2026-05-04T06:00:00Z");

    @Test
    void theLaterMomentWinsWhateverWasRecordedLater() {
        V measuredLater = new V("measurement", MONDAY.plusSeconds(1), true, 1);
        V checkedInEarlier = new V("check-in", MONDAY, false, 2);
        assertThat(EffectiveOrder.latest(checkedInEarlier, measuredLater)).isSameAs(measuredLater);
        assertThat(EffectiveOrder.latest(measuredLater, checkedInEarlier)).isSameAs(measuredLater);
    }

    @Test
    void aCheckInWinsATieWithAMeasurementRecordedBeforeOrAfterIt() {
        V checkIn = new V("check-in", MONDAY, false, 5);
        assertThat(EffectiveOrder.latest(checkIn, new V("measured before", MONDAY, true, 4)))
                .isSameAs(checkIn);
        assertThat(EffectiveOrder.latest(new V("measured after", MONDAY, true, 6), checkIn))
                .isSameAs(checkIn);
    }

    @Test
    void twoOfAKindAtOneMomentKeepTheOrderOfRecording() {
        V first = new V("first", MONDAY, true, 3);
        V second = new V("second", MONDAY, true, 7);
        assertThat(EffectiveOrder.latest(first, second)).isSameAs(second);
        V firstCheckIn = new V("first check-in", MONDAY, false, 3);
        V secondCheckIn = new V("second check-in", MONDAY, false, 7);
        assertThat(EffectiveOrder.latest(secondCheckIn, firstCheckIn)).isSameAs(secondCheckIn);
    }

    @Test
    void sortingPutsTheLatestLastAndNullMeansNone() {
        List<V> values = new ArrayList<>(List.of(
                new V("c", MONDAY, false, 2),
                new V("m2", MONDAY, true, 9),
                new V("m0", MONDAY.minusSeconds(60), true, 8),
                new V("m1", MONDAY, true, 1)));
        values.sort(EffectiveOrder.OLDEST_FIRST);
        assertThat(values).extracting(V::name).containsExactly("m0", "m1", "m2", "c");
        assertThat(EffectiveOrder.latest(null, values.get(0))).isSameAs(values.get(0));
        assertThat(EffectiveOrder.<V>latest(null, null)).isNull();
    }
}
