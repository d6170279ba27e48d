package dev.okrledger.notifier.alert;

import dev.okrledger.contract.policy.OkrPolicy;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.scheduling.annotation.EnableScheduling;

@Configuration
@EnableScheduling
class AlertConfiguration {

    @Bean
    AlertRules alertRules(OkrPolicy policy) {
        return new AlertRules(policy);
    }

    @Bean
    NewTopic alertsTopic(
            @Value("${okr.kafka.alerts-topic}") String topic,
            @Value("${okr.kafka.alerts-partitions:3}") int partitions,
            @Value("${okr.kafka.replication-factor:1}") short replicas) {
        return TopicBuilder.name(topic)
                .partitions(partitions)
                .replicas(replicas)
                .build();
    }
}
