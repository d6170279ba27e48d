package dev.okrledger.notifier.alert;

public enum Severity {
    AMBER,
    RED
}
