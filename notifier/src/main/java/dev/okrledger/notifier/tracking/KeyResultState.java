package dev.okrledger.notifier.tracking;

import java.time.Instant;

/**
 * A key result as the tracking step finds it before changing it: what the rules see, and where its latest
 * value stands (in effective order, over check-ins and measurements).
 *
 * @param lastValueAt the latest value's moment; null before the first check-in or measurement
 * @param measurement the measurement holding that value; null when a check-in holds it (or none yet)
 */
record KeyResultState(TrackedKeyResult keyResult, Instant lastValueAt, TrackedMeasurement measurement) {}
