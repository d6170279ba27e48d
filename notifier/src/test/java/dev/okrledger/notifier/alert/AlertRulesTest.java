package dev.okrledger.notifier.alert;

import dev.okrledger.contract.event.ConfidenceChanged;
import dev.okrledger.contract.policy.OkrPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class AlertRulesTest {

    private static final OkrPolicy POLICY = OkrPolicy.defaults();
    private static final AlertRules RULES = new AlertRules(POLICY);
    private static final Instant AT = Instant.parse("2026-05-01T12:00:00Z");

    private static ConfidenceChanged change(UUID checkIn, int from, int to) {
        return new ConfidenceChanged(new UUID(9, 9), new UUID(8, 8), checkIn, AT, from, to,
                POLICY.bandOf(from), POLICY.bandOf(to));
    }

    @ParameterizedTest(name = "{0} -> {1} raises {2}")
    @CsvSource({
            "8,4,AMBER",  // domain.md: drop of 4, green -> amber
            "6,3,RED",    // domain.md: drop of 3 into red
            "10,7,AMBER", // drop of exactly the threshold inside green is still AMBER
            "7,6,AMBER",  // band edge: green -> amber by one point
            "4,3,RED",    // band edge: amber -> red by one point
            "7,3,RED",
            "3,0,RED"})   // drop of 3 inside red
    void sharpDropRaisesAConfidenceDropWithTheSeverityOfTheNewBand(int from, int to, Severity severity) {
        assertThat(RULES.confidenceDrop(change(UUID.randomUUID(), from, to), AT))
                .hasValueSatisfying(alert -> {
                    assertThat(alert.kind()).isEqualTo(AlertKind.CONFIDENCE_DROP);
                    assertThat(alert.severity()).isEqualTo(severity);
                    assertThat(alert.fromConfidence()).isEqualTo(from);
                    assertThat(alert.toConfidence()).isEqualTo(to);
                });
    }

    @ParameterizedTest(name = "{0} -> {1} raises nothing")
    @CsvSource({"10,8", "6,4", "9,7", "3,8", "4,5"})
    void smallDropsInsideABandAndRisesRaiseNothing(int from, int to) {
        assertThat(RULES.confidenceDrop(change(UUID.randomUUID(), from, to), AT)).isEmpty();
    }

    @Test
    void theThresholdComesFromThePolicy() {
        AlertRules strict = new AlertRules(OkrPolicy.from(Map.of("sharp-drop-points", "2")::get));
        assertThat(strict.confidenceDrop(change(UUID.randomUUID(), 10, 8), AT)).isPresent();
    }

    @Test
    void theSameTriggerAlwaysNamesTheSameAlert() {
        UUID checkIn = UUID.randomUUID();
        Alert first = RULES.confidenceDrop(change(checkIn, 8, 4), AT).orElseThrow();
        Alert again = RULES.confidenceDrop(change(checkIn, 8, 4), AT).orElseThrow();
        Alert other = RULES.confidenceDrop(change(UUID.randomUUID(), 8, 4), AT).orElseThrow();
        assertThat(again.id()).isEqualTo(first.id());
        assertThat(other.id()).isNotEqualTo(first.id());
    }
}
