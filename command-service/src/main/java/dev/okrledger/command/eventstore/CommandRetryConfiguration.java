package dev.okrledger.command.eventstore;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.commandhandling.gateway.IntervalRetryScheduler;
import org.axonframework.commandhandling.gateway.RetryScheduler;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.concurrent.DelegatingSecurityContextScheduledExecutorService;

import java.sql.SQLException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Retries: two command-service instances may append to one key result at the same moment. The
 * loser's unique-key violation is recognised as a lost race (a ConcurrencyException) and the
 * command is simply retried on the fresh state. Domain refusals are never retried. A retry runs on
 * another thread with the caller's security context: the key result's handler checks who may change it.
 */
@Configuration
class CommandRetryConfiguration {

    @Bean
    CommandGateway commandGateway(CommandBus commandBus) {
        ScheduledExecutorService retries =
                new DelegatingSecurityContextScheduledExecutorService(Executors.newSingleThreadScheduledExecutor(r -> {
                    Thread thread = new Thread(r, "command-retry");
                    thread.setDaemon(true);
                    return thread;
                }));
        RetryScheduler onlyConcurrencyConflicts =
                new IntervalRetryScheduler(IntervalRetryScheduler.builder()
                        .retryExecutor(retries)
                        .retryInterval(25)
                        .maxRetryCount(30)) {
                    @Override
                    protected boolean isExplicitlyNonTransient(Throwable failure) {
                        return !(failure instanceof ConcurrencyException)
                                && !(failure.getCause() instanceof ConcurrencyException);
                    }
                };
        return DefaultCommandGateway.builder()
                .commandBus(commandBus)
                .retryScheduler(onlyConcurrencyConflicts)
                .build();
    }

    /** Tells the event storage engine which append failures are lost races. */
    @Bean
    PersistenceExceptionResolver appendRaceLost() {
        return CommandRetryConfiguration::isDuplicateKey;
    }

    /**
     * PostgreSQL reports a unique violation by SQLState 23505 (vendor codes are 0), possibly wrapped
     * in a BatchUpdateException: Axon's code-based resolver misses it, and a lost append race would
     * surface as an EventStoreException (HTTP 500) instead of a ConcurrencyException that is retried.
     */
    static boolean isDuplicateKey(Exception failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                for (SQLException next = sql; next != null; next = next.getNextException()) {
                    if ("23505".equals(next.getSQLState())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
