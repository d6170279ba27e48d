package dev.okrledger.tools.benchmark;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BenchmarkOptionsTest {

    @Test
    void aRunWarmsTheSystemUpForTwentySecondsUnlessToldOtherwise() {
        assertThat(BenchmarkOptions.parse(new String[0]).warmupTime()).isEqualTo(Duration.ofSeconds(20));
        assertThat(BenchmarkOptions.parse(new String[] {"--warmup-seconds=45"}).warmupTime())
                .isEqualTo(Duration.ofSeconds(45));
    }

    @Test
    void noWarmUpMeasuresFromTheFirstCheckInAsEarlierRunsDid() {
        assertThat(BenchmarkOptions.parse(new String[] {"--warmup-seconds=0"}).warmupTime())
                .isZero();
    }

    @Test
    void aNegativeWarmUpIsRefusedByName() {
        assertThatThrownBy(() -> BenchmarkOptions.parse(new String[] {"--warmup-seconds=-5"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--warmup-seconds");
    }

    @Test
    void otherPhasesStillNeedAtLeastASecond() {
        assertThatThrownBy(() -> BenchmarkOptions.parse(new String[] {"--saturation-seconds=0"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--saturation-seconds");
    }
}
