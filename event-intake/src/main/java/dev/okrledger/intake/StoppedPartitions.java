package dev.okrledger.intake;

import dev.okrledger.contract.event.EventEnvelope;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The partitions this instance holds stopped at an event of a type its build does not know, and at
 * which offset. A stop is logged once and counted once (it is met again at every retry), and shown by
 * the gauge {@code okr_intake_stopped_partitions}; it ends when the partition gets past that offset or
 * leaves this instance (a rebalance).
 */
final class StoppedPartitions {

    private static final Logger log = LoggerFactory.getLogger(StoppedPartitions.class);

    private final String service;
    private final Map<TopicPartition, Long> stoppedAt = new ConcurrentHashMap<>();
    private final Counter stops;

    StoppedPartitions(String service, MeterRegistry meters) {
        this.service = service;
        this.stops = Counter.builder("okr.intake.events")
                .tag("outcome", "unknown-type")
                .register(meters);
        Gauge.builder("okr.intake.stopped.partitions", stoppedAt, Map::size)
                .description("Partitions of okr.events this instance holds stopped at an event type it does not know")
                .register(meters);
    }

    /** Notes the stop at this record (logging and counting it the first time) and returns the failure to throw. */
    UnknownEventType stop(ConsumerRecord<?, ?> record, EventEnvelope envelope) {
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        Long before = stoppedAt.put(partition, record.offset());
        if (before == null || before != record.offset()) {
            stops.increment();
            log.error(
                    "{} stopped {} at offset {}: event {} is of type {} (revision {}), unknown to this build of {}. "
                            + "Nothing after it on this partition is taken in and nothing is lost; other partitions go on. "
                            + "Upgrade {} to a build that knows {}: it goes on from this event "
                            + "(upgrade the consumers before the producer, docs/deployment.md).",
                    service,
                    partition,
                    record.offset(),
                    envelope.eventId(),
                    envelope.type(),
                    envelope.revision(),
                    service,
                    service,
                    envelope.type());
        }
        return new UnknownEventType(record, envelope);
    }

    /** These records were taken in: a stop they got past is over. */
    void passed(List<? extends ConsumerRecord<?, ?>> records) {
        if (stoppedAt.isEmpty()) {
            return;
        }
        for (ConsumerRecord<?, ?> record : records) {
            TopicPartition partition = new TopicPartition(record.topic(), record.partition());
            Long at = stoppedAt.get(partition);
            if (at != null && record.offset() >= at && stoppedAt.remove(partition, at)) {
                log.info("{} goes on from offset {}, where it had stopped", partition, at);
            }
        }
    }

    /** The partitions left this instance: their stops, if any, are another instance's now. */
    void revoked(Collection<TopicPartition> partitions) {
        partitions.forEach(stoppedAt::remove);
    }
}
