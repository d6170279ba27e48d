package dev.okrledger.contract.event;

/** What a key result counts, what it leaves out, and where the number comes from. */
public record MeasurementDefinition(String counted, String excluded, String dataSource) {}
