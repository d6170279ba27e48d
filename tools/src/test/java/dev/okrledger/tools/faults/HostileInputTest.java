package dev.okrledger.tools.faults;

import dev.okrledger.launcher.EmbeddedSystem;
import dev.okrledger.launcher.TestSystem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.okrledger.launcher.Service.COMMAND;
import static dev.okrledger.launcher.Service.NOTIFIER;
import static dev.okrledger.launcher.Service.QUERY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fault suite's hostile-input run against the three services: every operation of their OpenAPI
 * documents fed hostile parameters, bodies and content types is refused with a problem, never a 5xx,
 * and writes nothing.
 */
class HostileInputTest {

    private EmbeddedSystem system;

    @AfterEach
    void stop() {
        if (system != null) {
            system.close();
        }
    }

    @Test
    void hostileInputIsRefusedWithProblemsAndWritesNothing() throws Exception {
        system = TestSystem.start();
        String token = TestSystem.adminBearer().substring("Bearer ".length());

        HostileInput.Result result = new HostileInput(token, system.baseUrl(COMMAND), system.baseUrl(NOTIFIER))
                .run(List.of(system.baseUrl(COMMAND), system.baseUrl(QUERY), system.baseUrl(NOTIFIER)));

        assertThat(result.violations()).isEmpty();
        // every service's document was read: the command side alone has more than twenty operations with input
        assertThat(result.operations()).isGreaterThan(40);
        assertThat(result.byStatus().keySet()).allMatch(status -> status < 500);
    }
}
