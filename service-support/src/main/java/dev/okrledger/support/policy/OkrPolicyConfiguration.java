package dev.okrledger.support.policy;

import dev.okrledger.contract.policy.OkrPolicy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import java.time.Clock;

/**
 * The OKR policy from {@code okr.policy.*} and the clock the rules read, the same in every service
 * (tests replace the clock with a {@code @Primary} one).
 */
@Configuration(proxyBeanMethods = false)
public class OkrPolicyConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    OkrPolicy okrPolicy(Environment env) {
        return OkrPolicy.from(key -> env.getProperty("okr.policy." + key));
    }
}
