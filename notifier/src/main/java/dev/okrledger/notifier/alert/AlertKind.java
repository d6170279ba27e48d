package dev.okrledger.notifier.alert;

public enum AlertKind {
    /** Confidence fell sharply between two consecutive check-ins, or its band worsened. */
    CONFIDENCE_DROP
}
