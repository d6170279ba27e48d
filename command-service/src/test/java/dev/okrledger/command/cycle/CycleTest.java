package dev.okrledger.command.cycle;

import dev.okrledger.command.shared.InvalidInput;
import dev.okrledger.command.shared.StateConflict;
import dev.okrledger.contract.event.Cadence;
import dev.okrledger.contract.event.CycleActivated;
import dev.okrledger.contract.event.CycleClosed;
import dev.okrledger.contract.event.CyclePlanned;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.UUID;

class CycleTest {

    private static final UUID CYCLE = UUID.randomUUID();
    private static final LocalDate START = LocalDate.parse("2026-04-01");
    private static final LocalDate END = LocalDate.parse("2026-07-01");
    private static final CyclePlanned PLANNED = new CyclePlanned(CYCLE, "Q2", START, END, Cadence.WEEKLY);

    private AggregateTestFixture<Cycle> fixture;

    @BeforeEach
    @SuppressWarnings("unchecked")
    void setUp() {
        fixture = new AggregateTestFixture<>(Cycle.class);
        // a cycle without key results: closing grades nothing
        fixture.registerAnnotatedCommandHandler(new CycleClosing(
                fixture.getRepository(),
                org.mockito.Mockito.mock(org.axonframework.modelling.command.Repository.class),
                new dev.okrledger.command.support.InMemoryDirectory()));
    }

    @Test
    void cycleIsPlannedWithItsWindowAndCadence() {
        fixture.givenNoPriorActivity()
                .when(new PlanCycle(CYCLE, "Q2", START, END, Cadence.WEEKLY))
                .expectEvents(PLANNED);
    }

    @Test
    void cycleMustEndAfterItStarts() {
        fixture.givenNoPriorActivity()
                .when(new PlanCycle(CYCLE, "Q2", START, START, Cadence.WEEKLY))
                .expectException(InvalidInput.class)
                .expectNoEvents();
    }

    @Test
    void plannedCycleCanBeActivated() {
        fixture.given(PLANNED).when(new ActivateCycle(CYCLE)).expectEvents(new CycleActivated(CYCLE));
    }

    @Test
    void activeCycleCannotBeActivatedAgain() {
        fixture.given(PLANNED, new CycleActivated(CYCLE))
                .when(new ActivateCycle(CYCLE))
                .expectException(StateConflict.class);
    }

    @Test
    void onlyAnActiveCycleCanBeClosed() {
        fixture.given(PLANNED).when(new CloseCycle(CYCLE)).expectException(StateConflict.class);
        fixture.given(PLANNED, new CycleActivated(CYCLE))
                .when(new CloseCycle(CYCLE))
                .expectEvents(new CycleClosed(CYCLE));
    }
}
