package dev.okrledger.contract.event;

public enum Indicator {
    LEADING,
    LAGGING
}
