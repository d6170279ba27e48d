package dev.okrledger.notifier.alert;

/** An alert's workflow: someone acknowledges it, then a recovery or a person resolves it. */
public enum AlertStatus {
    OPEN,
    ACKNOWLEDGED,
    RESOLVED
}
