package dev.okrledger.command.eventstore;

import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

/**
 * The directory and the Kafka publisher must never skip an event: a failure stops them (and the
 * command, for the directory) instead of being logged and forgotten.
 */
@Configuration
class ProcessorFailureConfiguration {

    @Autowired
    void failLoudly(EventProcessingConfigurer processing) {
        processing.registerListenerInvocationErrorHandler("command-directory", c -> PropagatingErrorHandler.instance());
        processing.registerListenerInvocationErrorHandler("kafka-publisher", c -> PropagatingErrorHandler.instance());
    }
}
