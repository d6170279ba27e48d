package dev.okrledger.command.publishing;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

@Configuration
class EventsTopicConfiguration {

    /** Created at start-up when missing; partitions bound how far consumers can scale out. */
    @Bean
    NewTopic eventsTopic(
            @Value("${okr.kafka.events-topic}") String topic,
            @Value("${okr.kafka.events-partitions:6}") int partitions,
            @Value("${okr.kafka.replication-factor:1}") short replicas) {
        return TopicBuilder.name(topic)
                .partitions(partitions)
                .replicas(replicas)
                .build();
    }
}
