package dev.okrledger.command.eventstore;

import dev.okrledger.contract.event.EventHeaders;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The audit trail is the event stream: what every event carries from the command that caused it. */
@Configuration
class EventMetadataConfiguration {

    /** Axon's own lineage: the id of the message that caused an event, and of the root of the chain. */
    @Bean
    CorrelationDataProvider messageOriginProvider() {
        return new MessageOriginProvider("causationId", "traceId");
    }

    /** Who did it and under which client correlation id: copied from the command onto its events. */
    @Bean
    CorrelationDataProvider requestMetadataProvider() {
        return new SimpleCorrelationDataProvider(
                EventHeaders.META_ACTOR, EventHeaders.META_ACTOR_NAME, EventHeaders.META_CORRELATION_ID);
    }
}
