package dev.okrledger.notifier.tracking;

public enum CycleStatus {
    PLANNING,
    ACTIVE,
    CLOSED
}
