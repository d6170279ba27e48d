package dev.okrledger.contract.event;

public enum ObjectiveLevel {
    COMPANY,
    DEPARTMENT,
    TEAM,
    INDIVIDUAL
}
