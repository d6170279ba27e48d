package dev.okrledger.contract.event;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A value of a metric key result observed by a data source, without confidence: people keep the
 * judgement, the source keeps the number current. It counts for the key result's value in effective
 * order together with check-ins; its effective moment is {@code observedAt}.
 *
 * @param measurementId chosen by the source: sending the same measurement again records it once
 * @param source        the data source that observed the value (for example a dashboard or a job name)
 */
public record MeasurementRecorded(
        UUID keyResultId, UUID objectiveId, UUID measurementId, BigDecimal value, Instant observedAt, String source)
        implements OkrEvent {

    @Override
    public String partitionKey() {
        return objectiveId.toString();
    }
}
