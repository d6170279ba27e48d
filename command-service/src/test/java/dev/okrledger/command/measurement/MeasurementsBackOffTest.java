package dev.okrledger.command.measurement;

import dev.okrledger.command.shared.InvalidInput;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.BackOffExecution;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A record of {@code okr.measurements} that fails because the database is away waits for it rather
 * than going to the dead-letter topic after the few attempts a faulty record gets.
 */
class MeasurementsBackOffTest {

    @Test
    void aRecordFailingOnADatabaseOutageIsTriedAgainWithoutEnd() {
        BackOff backOff = MeasurementsTopicConfiguration.backOffFor(new ListenerExecutionFailedException(
                "listener failed",
                new IllegalStateException(
                        "command failed", new SQLTransientConnectionException("no connection in 5 s"))));

        assertThat(backOff).isNotNull();
        BackOffExecution execution = backOff.start();
        long longest = 0;
        for (int attempt = 0; attempt < 1_000; attempt++) {
            long wait = execution.nextBackOff();
            assertThat(wait).isNotEqualTo(BackOffExecution.STOP);
            longest = Math.max(longest, wait);
        }
        assertThat(longest).isEqualTo(15_000);
    }

    @Test
    void aBrokenConnectionIsAnOutageToo() {
        assertThat(MeasurementsTopicConfiguration.backOffFor(new ListenerExecutionFailedException(
                        "listener failed",
                        new SQLException("terminating connection due to administrator command", "57P01"))))
                .isNotNull();
    }

    @Test
    void aRefusedOrFaultyRecordKeepsTheHandlersFewAttempts() {
        assertThat(MeasurementsTopicConfiguration.backOffFor(new ListenerExecutionFailedException(
                        "listener failed",
                        new InvalidInput(
                                "observed-not-in-future",
                                "observedAt",
                                "A measurement cannot be observed in the future"))))
                .isNull();
        assertThat(MeasurementsTopicConfiguration.backOffFor(
                        new ListenerExecutionFailedException("listener failed", new IllegalStateException("a bug"))))
                .isNull();
    }
}
