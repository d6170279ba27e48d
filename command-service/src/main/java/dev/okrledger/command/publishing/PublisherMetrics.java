package dev.okrledger.command.publishing;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.OptionalLong;

/**
 * How far the Kafka publisher trails the event store, for operators:
 * {@code okr_event_store_head} is the highest global index stored (-1 while empty), and
 * {@code okr_publisher_position} the lowest position among the publisher segments this instance
 * holds (NaN when it holds none: another instance does). With several instances, Prometheus
 * takes {@code max(head) - min(position)}; {@code okr_publisher_segments} says who holds what, and
 * {@code okr_publisher_segments_stored} how many segments there are.
 */
@Component
class PublisherMetrics {

    private final JdbcClient jdbc;
    private final EventProcessingConfiguration processing;

    PublisherMetrics(JdbcClient jdbc, EventProcessingConfiguration processing, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.processing = processing;
        Gauge.builder("okr.event.store.head", this, PublisherMetrics::head)
                .description("Highest global index in the event store")
                .register(meters);
        Gauge.builder("okr.publisher.position", this, PublisherMetrics::position)
                .description("Lowest global index published by this instance's kafka-publisher segments")
                .register(meters);
        Gauge.builder("okr.publisher.segments", this, m -> m.statuses().size())
                .description("kafka-publisher segments held by this instance")
                .register(meters);
        Gauge.builder("okr.publisher.segments.stored", this, PublisherMetrics::segmentsInTokenStore)
                .description("kafka-publisher segments in the token store, held or not")
                .register(meters);
    }

    private double segmentsInTokenStore() {
        return jdbc.sql("select count(*) from tokenentry where processorname = ?")
                .param(KafkaEventPublisher.PROCESSING_GROUP)
                .query(Long.class)
                .single();
    }

    private double head() {
        return jdbc.sql("select coalesce(max(globalindex), -1) from domainevententry")
                .query(Long.class)
                .single();
    }

    private double position() {
        return statuses().stream()
                .map(EventTrackerStatus::getCurrentPosition)
                .filter(OptionalLong::isPresent)
                .mapToLong(OptionalLong::getAsLong)
                .min()
                .stream()
                .mapToDouble(p -> p)
                .findFirst()
                .orElse(Double.NaN);
    }

    private Collection<EventTrackerStatus> statuses() {
        return processing
                .eventProcessor(KafkaEventPublisher.PROCESSING_GROUP, StreamingEventProcessor.class)
                .map(processor -> processor.processingStatus().values())
                .orElseGet(java.util.List::of);
    }
}
