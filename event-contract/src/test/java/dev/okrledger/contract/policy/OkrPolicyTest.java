package dev.okrledger.contract.policy;

import dev.okrledger.contract.event.ConfidenceBand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OkrPolicyTest {

    private final OkrPolicy policy = OkrPolicy.defaults();

    @ParameterizedTest
    @CsvSource({"10,GREEN", "7,GREEN", "6,AMBER", "4,AMBER", "3,RED", "0,RED"})
    void bandsFollowTheDefaultThresholds(int confidence, ConfidenceBand band) {
        assertThat(policy.bandOf(confidence)).isEqualTo(band);
    }

    @ParameterizedTest
    @CsvSource({
        "8,4,true", // drop of 4, green -> amber (docs/domain.md example)
        "6,3,true", // drop of 3, amber -> red
        "10,7,true", // drop of exactly the threshold inside green
        "10,8,false", // drop of 2 inside green
        "7,6,true", // drop of 1 but green -> amber
        "4,3,true", // amber -> red
        "6,4,false", // drop of 2 inside amber
        "3,0,true", // drop of 3 inside red
        "4,8,false", // a rise never is
        "5,5,false"
    })
    void sharpDropIsAFallOfTheThresholdOrAWorseBand(int from, int to, boolean sharp) {
        assertThat(policy.isSharpDrop(from, to)).isEqualTo(sharp);
    }

    @Test
    void settingsOverrideDefaultsAndMissingOnesKeepThem() {
        Map<String, String> settings =
                Map.of("green-from", "8", "sharp-drop-points", "2", "missed-check-in-grace", "P3D");
        OkrPolicy custom = OkrPolicy.from(settings::get);
        assertThat(custom.greenFrom()).isEqualTo(8);
        assertThat(custom.amberFrom()).isEqualTo(4);
        assertThat(custom.sharpDropPoints()).isEqualTo(2);
        assertThat(custom.paceTolerance()).isEqualTo(0.10);
        assertThat(custom.missedCheckInGrace()).isEqualTo(Duration.ofDays(3));
    }

    @Test
    void inconsistentBandsAreRefused() {
        assertThatThrownBy(() -> OkrPolicy.from(Map.of("amber-from", "8")::get))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void behindPaceIsMoreThanTheToleranceUnderExpected() {
        // docs/domain.md worked example: week 6 of 13, progress 0.375, expected 6/13
        assertThat(policy.isBehindPace(0.375, 6.0 / 13)).isFalse();
        assertThat(policy.isBehindPace(0.35, 6.0 / 13)).isTrue();
    }
}
