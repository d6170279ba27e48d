package dev.okrledger.notifier.alert;

public enum AlertKind {
    /** Confidence fell sharply between two consecutive check-ins, or its band worsened. */
    CONFIDENCE_DROP,
    /** A check-in in the red band that records no decision. */
    RED_WITHOUT_DECISION,
    /** A check-in left the key result's progress below expected progress minus the tolerance. */
    BEHIND_PACE,
    /** An active key result had no check-in for one cadence period plus the grace. */
    MISSED_CHECK_IN
}
