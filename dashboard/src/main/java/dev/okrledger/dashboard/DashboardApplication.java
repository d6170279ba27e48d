package dev.okrledger.dashboard;

import dev.okrledger.security.OkrSecurityConfiguration;
import dev.okrledger.support.OkrServiceConfiguration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Import;

/**
 * The pages for people: board, replay, key results, retrospective and the alert inbox, rendered on the
 * server from the services' HTTP APIs with the signed-in person's token. It owns only its sessions.
 */
@SpringBootApplication
@Import({OkrSecurityConfiguration.class, OkrServiceConfiguration.class})
public class DashboardApplication {

    /** Configuration lives in {@code dashboard.properties}, so all services can share one classpath. */
    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(DashboardApplication.class).properties("spring.config.name=dashboard");
    }

    public static void main(String[] args) {
        builder().run(args);
    }
}
