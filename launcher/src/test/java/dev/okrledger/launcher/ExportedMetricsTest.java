package dev.okrledger.launcher;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import static dev.okrledger.launcher.Service.COMMAND;
import static dev.okrledger.launcher.Service.NOTIFIER;
import static dev.okrledger.launcher.Service.QUERY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every metric that the alerting rules and the Grafana dashboards read is really exported by the
 * running services, once they have seen a little traffic (a check-in, a drop that raises an alert, its recovery).
 */
class ExportedMetricsTest {

    private EmbeddedSystem system;

    @AfterEach
    void stop() {
        if (system != null) {
            system.close();
        }
    }

    @Test
    void everyMetricInTheRulesAndDashboardsIsExported() {
        Set<String> used = DeployFiles.metricNamesUsed();
        assertThat(used)
                .contains(
                        "okr_event_store_head",
                        "okr_publisher_position",
                        "okr_webhooks_dead_letters",
                        "kafka_consumer_fetch_manager_records_lag");

        system = TestSystem.start();
        String command = system.baseUrl(COMMAND);
        TestOkrs okrs = new TestOkrs(command);
        UUID keyResult = okrs.keyResult(okrs.objective(okrs.activeCycle(), "support"));
        for (int confidence : new int[] {8, 4, 8}) { // a drop raises an alert, the recovery resolves it
            assertThat(TestOkrs.checkIn(command, keyResult, UUID.randomUUID(), confidence)
                            .status())
                    .isEqualTo(201);
        }
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(Http.get(system.baseUrl(NOTIFIER) + "/api/alerts?keyResultId="
                                        + keyResult + "&status=resolved")
                                .body())
                        .hasSize(1));
        assertThat(Http.get(system.baseUrl(QUERY) + "/api/key-results/" + keyResult)
                        .status())
                .isEqualTo(200);

        // Kafka's per-partition client metrics appear at the client metrics' next refresh (once a minute)
        await().atMost(Duration.ofSeconds(150))
                .pollInterval(Duration.ofSeconds(5))
                .untilAsserted(() -> {
                    Set<String> missing = new TreeSet<>(used);
                    for (Service service : Service.values()) {
                        missing.removeAll(Scrape.of(system.baseUrl(service))
                                .samplesByName()
                                .keySet());
                    }
                    assertThat(missing)
                            .as("used in deploy/prometheus or deploy/grafana, exported by no service")
                            .isEmpty();
                });

        Scrape commandMetrics = Scrape.of(command);
        assertThat(commandMetrics.sum("okr_publisher_segments", "")).isEqualTo(1);
        assertThat(commandMetrics.sum("okr_event_store_head", ""))
                .isEqualTo(commandMetrics.sum("okr_publisher_position", "")); // everything published
        assertThat(Scrape.of(system.baseUrl(NOTIFIER)).sum("okr_alerts_raised_total", "kind=\"CONFIDENCE_DROP\""))
                .isEqualTo(1);
    }
}
