package dev.okrledger.command;

import dev.okrledger.security.OkrSecurityConfiguration;
import dev.okrledger.support.OkrServiceConfiguration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Import;

/** Owns the event store: the only writer of OKR domain events. */
@SpringBootApplication
@Import({OkrSecurityConfiguration.class, OkrServiceConfiguration.class})
public class CommandServiceApplication {

    /** Configuration lives in {@code command-service.properties}, so all services can share one classpath. */
    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(CommandServiceApplication.class)
                .properties("spring.config.name=command-service");
    }

    public static void main(String[] args) {
        builder().run(args);
    }
}
