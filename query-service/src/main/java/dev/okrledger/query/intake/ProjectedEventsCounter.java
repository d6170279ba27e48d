package dev.okrledger.query.intake;

import dev.okrledger.contract.event.EventEnvelope;
import dev.okrledger.intake.EventProjection;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * {@code okr.query.events.projected{type}}: events that reached the read models; its rate is
 * events projected per second. Counted after commit, so a retried transaction is counted once.
 */
@Component
class ProjectedEventsCounter implements EventProjection {

    private final MeterRegistry meters;

    ProjectedEventsCounter(MeterRegistry meters) {
        this.meters = meters;
    }

    @Override
    public void project(EventEnvelope envelope) {
        Counter counter = Counter.builder("okr.query.events.projected")
                .tag("type", envelope.type())
                .description("Events applied to the read models")
                .register(meters);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    counter.increment();
                }
            });
        } else {
            counter.increment();
        }
    }
}
