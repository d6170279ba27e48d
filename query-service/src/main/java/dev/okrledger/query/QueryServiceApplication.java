package dev.okrledger.query;

import dev.okrledger.intake.EventIntakeConfiguration;
import dev.okrledger.security.OkrSecurityConfiguration;
import dev.okrledger.support.OkrServiceConfiguration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Import;

/** Projects okr.events into read models for dashboards, history and audit. */
@SpringBootApplication
@Import({OkrSecurityConfiguration.class, OkrServiceConfiguration.class, EventIntakeConfiguration.class})
public class QueryServiceApplication {

    /** Configuration lives in {@code query-service.properties}, so all services can share one classpath. */
    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(QueryServiceApplication.class)
                .properties("spring.config.name=query-service");
    }

    public static void main(String[] args) {
        builder().run(args);
    }
}
