package dev.okrledger.tools.faults;

import java.util.Arrays;

/** The faults the suite injects, one per case, in the order they run by default. */
public enum FaultCase {
    HOSTILE_INPUT(
            "hostile-input",
            "every operation of every OpenAPI document fed hostile parameters, bodies and content types"),
    KILL_COMMAND("kill-command", "kill -9 of command-service mid-load, started again 1 s later"),
    KILL_QUERY("kill-query", "kill -9 of query-service mid-batch, started again 1 s later"),
    KILL_NOTIFIER("kill-notifier", "kill -9 of notifier mid-batch, started again 1 s later"),
    KAFKA_OUTAGE("kafka-outage", "the Kafka broker stopped, then started again on the same log"),
    POSTGRES_RESTART("postgres-restart", "PostgreSQL stopped, then started again on the same data"),
    REBALANCE("rebalance", "a second query-service and notifier started during load, then stopped"),
    SLOW_POSTGRES("slow-postgres", "sessions hold locks on the publisher's token and the consumers' check-in tables"),
    WEBHOOK_HANGS("webhook-hangs", "the webhook receiver takes requests and never answers"),
    WEBHOOK_FAILS("webhook-fails", "the webhook receiver answers 500");

    private final String title;
    private final String description;

    FaultCase(String title, String description) {
        this.title = title;
        this.description = description;
    }

    public String title() {
        return title;
    }

    public String description() {
        return description;
    }

    static FaultCase named(String title) {
        return Arrays.stream(values())
                .filter(c -> c.title.equals(title.trim()))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No case " + title + "; the cases are "
                        + Arrays.stream(values()).map(FaultCase::title).toList()));
    }
}
