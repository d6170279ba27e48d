package dev.okrledger.notifier.intake;

import dev.okrledger.contract.policy.OkrPolicy;
import dev.okrledger.intake.EventIntakeConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;

import java.time.Clock;

@Configuration
@Import(EventIntakeConfiguration.class)
class IntakeConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    OkrPolicy okrPolicy(Environment env) {
        return OkrPolicy.from(key -> env.getProperty("okr.policy." + key));
    }
}
