package dev.okrledger.launcher;

import dev.okrledger.command.CommandServiceApplication;
import dev.okrledger.dashboard.DashboardApplication;
import dev.okrledger.notifier.NotifierApplication;
import dev.okrledger.query.QueryServiceApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

import java.util.function.Supplier;

/**
 * The services of the system, as the launcher starts them, in start order: the dashboard last, as it
 * reads and acts through the other three.
 */
public enum Service {
    COMMAND("command-service", "okr_command", true, CommandServiceApplication::builder),
    QUERY("query-service", "okr_query", false, QueryServiceApplication::builder),
    NOTIFIER("notifier", "okr_notifier", false, NotifierApplication::builder),
    DASHBOARD("dashboard", "okr_dashboard", false, DashboardApplication::builder);

    private final String title;
    private final String database;
    private final boolean usesAxon;
    private final Supplier<SpringApplicationBuilder> builder;

    Service(String title, String database, boolean usesAxon, Supplier<SpringApplicationBuilder> builder) {
        this.title = title;
        this.database = database;
        this.usesAxon = usesAxon;
        this.builder = builder;
    }

    public String title() {
        return title;
    }

    public String database() {
        return database;
    }

    boolean usesAxon() {
        return usesAxon;
    }

    SpringApplicationBuilder builder() {
        return builder.get();
    }
}
