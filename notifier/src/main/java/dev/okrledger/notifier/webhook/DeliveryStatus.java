package dev.okrledger.notifier.webhook;

public enum DeliveryStatus {
    PENDING,
    DELIVERED,
    DEAD
}
