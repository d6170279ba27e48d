package dev.okrledger.contract.event;

public enum InitiativeStatus {
    PLANNED,
    ACTIVE,
    DONE,
    STOPPED
}
