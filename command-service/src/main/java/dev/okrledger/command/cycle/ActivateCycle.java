package dev.okrledger.command.cycle;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

public record ActivateCycle(@TargetAggregateIdentifier UUID cycleId) {}
