package dev.okrledger.query.intake;

import dev.okrledger.intake.EventIntakeConfiguration;
import dev.okrledger.intake.OkrPolicyConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** Events from okr.events into this service's projections, under the organisation's OKR policy. */
@Configuration
@Import({EventIntakeConfiguration.class, OkrPolicyConfiguration.class})
class IntakeConfiguration {
}
