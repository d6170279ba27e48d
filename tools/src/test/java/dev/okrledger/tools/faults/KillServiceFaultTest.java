package dev.okrledger.tools.faults;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fault suite's fast case in CI: the services as processes of their own (on this test's class
 * path), command-service killed with {@code kill -9} under a short check-in load and started again.
 * Nothing acknowledged is lost or doubled anywhere, the read models equal a rebuild, and the system
 * recovers without a hand on it. The longer cases run from {@code okr-ledger-tools.jar faults}.
 */
class KillServiceFaultTest {

    @Test
    void aCommandServiceKilledMidLoadLosesNothingAndRecovers(@TempDir Path work) throws Exception {
        Suite.Report report = Suite.run(FaultOptions.parse(
                "--cases=kill-command",
                "--launch=classpath",
                "--rate=10",
                "--key-results=8",
                "--warm-up-seconds=3",
                "--after-seconds=3",
                "--patience-seconds=120",
                "--work-dir=" + work));

        CaseResult kill = report.results().get(0);
        assertThat(kill.failures()).isEmpty();
        assertThat(kill.acknowledged()).isPositive();
        assertThat(kill.lost()).isZero();
        assertThat(kill.duplicated()).isZero();
        assertThat(kill.recoverySeconds()).isNotNull();
        // while it was down, clients got no answer (connection refused), never a 500
        assertThat(kill.clientsSaw()).doesNotContainKey(500);
    }
}
