package dev.okrledger.command.publishing;

import dev.okrledger.contract.event.OkrEvent;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;

/**
 * How the publisher's work splits into segments (axon.eventhandling.processors.kafka-publisher.
 * initial-segment-count, 1 by default): by objective, the Kafka key, so that all events of one
 * objective go through one segment and reach their partition in stored order even when segments
 * run on different command-service instances. {@code okr.publisher.max-segments-per-instance}
 * caps what one instance claims, so that instances share the segments instead of the first one
 * taking all; left at its default (no cap), another instance stands by and takes over. The
 * processor reads the event store through {@link ArrivalSignallingSource}, which wakes it when
 * events arrive instead of every half second.
 */
@Configuration(proxyBeanMethods = false)
class PublisherSegments {

    @Autowired
    void splitByObjective(
            EventProcessingConfigurer processing,
            @Value("${okr.publisher.max-segments-per-instance:0}") int maxSegmentsPerInstance) {
        processing.registerSequencingPolicy(KafkaEventPublisher.PROCESSING_GROUP, c -> PublisherSegments::objectiveOf);
        // one configuration per processor name: the last one registered wins, so both settings go here
        processing.registerPooledStreamingEventProcessorConfiguration(
                KafkaEventPublisher.PROCESSING_GROUP, (c, builder) -> {
                    builder.messageSource(new ArrivalSignallingSource(c.eventStore()));
                    if (maxSegmentsPerInstance > 0) {
                        builder.maxClaimedSegments(maxSegmentsPerInstance);
                    }
                    return builder;
                });
    }

    static Object objectiveOf(EventMessage<?> message) {
        return message.getPayload() instanceof OkrEvent event ? event.partitionKey() : message.getIdentifier();
    }
}
