package dev.okrledger.command.objective;

import dev.okrledger.command.directory.CycleFacts;
import dev.okrledger.command.directory.CycleFacts.CycleStatus;
import dev.okrledger.command.directory.ObjectiveFacts;
import dev.okrledger.command.objective.ObjectiveEdits.RealignObjective;
import dev.okrledger.command.objective.ObjectiveEdits.RecordRetrospective;
import dev.okrledger.command.objective.ObjectiveEdits.RetireObjective;
import dev.okrledger.command.objective.ObjectiveEdits.RewordObjective;
import dev.okrledger.command.shared.InvalidInput;
import dev.okrledger.command.shared.StateConflict;
import dev.okrledger.command.support.InMemoryDirectory;
import dev.okrledger.contract.event.Cadence;
import dev.okrledger.contract.event.ObjectiveDefined;
import dev.okrledger.contract.event.ObjectiveLevel;
import dev.okrledger.contract.event.ObjectiveRealigned;
import dev.okrledger.contract.event.ObjectiveRetired;
import dev.okrledger.contract.event.ObjectiveRetrospectiveRecorded;
import dev.okrledger.contract.event.ObjectiveReworded;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.UUID;

class ObjectiveTest {

    private static final UUID CYCLE = UUID.randomUUID();
    private static final UUID OTHER_CYCLE = UUID.randomUUID();
    private static final UUID COMPANY = UUID.randomUUID();
    private static final UUID TEAM = UUID.randomUUID();
    private static final UUID CHILD = UUID.randomUUID();

    private AggregateTestFixture<Objective> fixture;
    private InMemoryDirectory directory;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Objective.class);
        directory = new InMemoryDirectory()
                .objective(new ObjectiveFacts(COMPANY, CYCLE, "leadership", null, false))
                .objective(new ObjectiveFacts(TEAM, CYCLE, "support", COMPANY, false))
                .objective(new ObjectiveFacts(CHILD, CYCLE, "support-l2", TEAM, false));
        cycleIs(CYCLE, CycleStatus.ACTIVE);
        cycleIs(OTHER_CYCLE, CycleStatus.ACTIVE);
        fixture.registerAnnotatedCommandHandler(new ObjectiveCommandHandler(fixture.getRepository(), directory));
    }

    private void cycleIs(UUID cycle, CycleStatus status) {
        directory.cycle(new CycleFacts(
                cycle, LocalDate.parse("2026-04-01"), LocalDate.parse("2026-07-01"), Cadence.WEEKLY, status));
    }

    private static ObjectiveDefined team() {
        return new ObjectiveDefined(TEAM, CYCLE, "Make support faster", ObjectiveLevel.TEAM, "support", COMPANY);
    }

    @Test
    void parentObjectiveMustBeInTheSameCycle() {
        fixture.givenNoPriorActivity()
                .when(new DefineObjective(
                        UUID.randomUUID(), OTHER_CYCLE, "Elsewhere", ObjectiveLevel.TEAM, "x", COMPANY))
                .expectException(InvalidInput.class)
                .expectNoEvents();
    }

    @Test
    void objectiveCannotBeAddedToAClosedCycle() {
        cycleIs(CYCLE, CycleStatus.CLOSED);
        fixture.givenNoPriorActivity()
                .when(new DefineObjective(UUID.randomUUID(), CYCLE, "Late", ObjectiveLevel.TEAM, "x", null))
                .expectException(StateConflict.class);
    }

    @Test
    void rewordingKeepsBothWordingsAndTheReason() {
        fixture.given(team())
                .when(new RewordObjective(
                        TEAM, "Make support fast and predictable", "Customers asked for predictability", null))
                .expectEvents(new ObjectiveReworded(
                        TEAM,
                        "Make support faster",
                        "Make support fast and predictable",
                        "Customers asked for predictability"));
    }

    @Test
    void alignmentTreeHasNoLoops() {
        // TEAM's child CHILD cannot become TEAM's parent
        fixture.given(team())
                .when(new RealignObjective(TEAM, CHILD, "Flip it", null))
                .expectException(InvalidInput.class)
                .expectNoEvents();
        fixture.given(team())
                .when(new RealignObjective(TEAM, TEAM, "Self", null))
                .expectException(InvalidInput.class);
    }

    @Test
    void realignmentNamesOldAndNewParent() {
        fixture.given(team())
                .when(new RealignObjective(TEAM, null, "Stands on its own now", null))
                .expectEvents(new ObjectiveRealigned(TEAM, COMPANY, null, "Stands on its own now"));
    }

    @Test
    void retiredObjectiveCannotBeChanged() {
        fixture.given(team(), new ObjectiveRetired(TEAM, "Merged into another objective"))
                .when(new RewordObjective(TEAM, "Anything", "why", null))
                .expectException(StateConflict.class);
    }

    @Test
    void retiringIsEventedWithItsReason() {
        fixture.given(team())
                .when(new RetireObjective(TEAM, "Merged into another objective", null))
                .expectEvents(new ObjectiveRetired(TEAM, "Merged into another objective"));
    }

    @Test
    void retrospectiveNoteOnlyOnceTheCycleIsClosed() {
        fixture.given(team())
                .when(new RecordRetrospective(TEAM, "Staffing was the real constraint"))
                .expectException(StateConflict.class);
        cycleIs(CYCLE, CycleStatus.CLOSED);
        fixture.given(team())
                .when(new RecordRetrospective(TEAM, "Staffing was the real constraint"))
                .expectEvents(new ObjectiveRetrospectiveRecorded(TEAM, CYCLE, "Staffing was the real constraint"));
    }
}
