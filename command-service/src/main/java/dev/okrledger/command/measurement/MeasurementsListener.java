package dev.okrledger.command.measurement;

import dev.okrledger.contract.event.EventHeaders;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * Turns each record of {@code okr.measurements} into the same command as the REST API. A record
 * sent again records nothing new (the measurement id decides); a refused one throws, and
 * {@link MeasurementsTopicConfiguration} sends it to the dead-letter topic.
 */
@Component
class MeasurementsListener {

    /** The actor of events caused by the topic: the stream itself, named by the record's source. */
    static final String ACTOR = "okr.measurements";

    private final CommandGateway commands;

    MeasurementsListener(CommandGateway commands) {
        this.commands = commands;
    }

    @KafkaListener(
            id = "${spring.application.name}-measurements",
            topics = "${okr.kafka.measurements-topic}",
            containerFactory = "measurementsContainerFactory")
    void on(ConsumerRecord<String, byte[]> record) {
        MeasurementMessage message = MeasurementMessage.parse(record.key(), record.value());
        commands.sendAndWait(
                message.toCommand(),
                MetaData.from(Map.of(
                        EventHeaders.META_ACTOR,
                        ACTOR,
                        EventHeaders.META_ACTOR_NAME,
                        message.source() == null ? ACTOR : message.source(),
                        EventHeaders.META_CORRELATION_ID,
                        message.measurementId().toString())));
    }
}
