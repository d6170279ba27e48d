package dev.okrledger.notifier;

import dev.okrledger.intake.EventIntakeConfiguration;
import dev.okrledger.security.OkrSecurityConfiguration;
import dev.okrledger.support.OkrServiceConfiguration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Import;

/** Raises red/amber alerts from okr.events, publishes them to okr.alerts and serves them over REST. */
@SpringBootApplication
@Import({OkrSecurityConfiguration.class, OkrServiceConfiguration.class, EventIntakeConfiguration.class})
public class NotifierApplication {

    /** Configuration lives in {@code notifier.properties}, so all services can share one classpath. */
    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(NotifierApplication.class).properties("spring.config.name=notifier");
    }

    public static void main(String[] args) {
        builder().run(args);
    }
}
