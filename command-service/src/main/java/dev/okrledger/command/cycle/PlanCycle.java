package dev.okrledger.command.cycle;

import dev.okrledger.contract.event.Cadence;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.UUID;

public record PlanCycle(
        @TargetAggregateIdentifier UUID cycleId, String name, LocalDate startsOn, LocalDate endsOn, Cadence cadence) {}
