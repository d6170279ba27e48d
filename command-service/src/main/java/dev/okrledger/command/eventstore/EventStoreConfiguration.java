package dev.okrledger.command.eventstore;

import dev.okrledger.contract.event.EventHeaders;
import dev.okrledger.contract.event.EventTypes;
import dev.okrledger.contract.policy.OkrPolicy;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.serialization.RevisionResolver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import java.time.Clock;

@Configuration
public class EventStoreConfiguration {

    /** Stored revisions come from the event contract's registry, the one place they are declared. */
    @Bean
    RevisionResolver revisionResolver() {
        return type -> EventTypes.byClass(type).map(EventTypes.EventType::revision).orElse(null);
    }

    /** correlationId (and traceId) of the command travel onto its events. */
    @Bean
    CorrelationDataProvider messageOriginProvider() {
        return new MessageOriginProvider(EventHeaders.META_CORRELATION_ID, "traceId");
    }

    /** Who did it: the actor of the command is the actor of its events. */
    @Bean
    CorrelationDataProvider actorProvider() {
        return new SimpleCorrelationDataProvider(EventHeaders.META_ACTOR, EventHeaders.META_ACTOR_NAME);
    }

    /**
     * The directory and the Kafka publisher must never skip an event: a failure stops them (and
     * the command, for the directory) instead of being logged and forgotten.
     */
    @Autowired
    void failLoudly(EventProcessingConfigurer processing) {
        processing.registerListenerInvocationErrorHandler("command-directory", c -> PropagatingErrorHandler.instance());
        processing.registerListenerInvocationErrorHandler("kafka-publisher", c -> PropagatingErrorHandler.instance());
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    OkrPolicy okrPolicy(Environment env) {
        return OkrPolicy.from(key -> env.getProperty("okr.policy." + key));
    }
}
