package dev.okrledger.command.keyresult;

import dev.okrledger.command.directory.CycleFacts;
import dev.okrledger.command.directory.CycleFacts.CycleStatus;
import dev.okrledger.command.directory.ObjectiveFacts;
import dev.okrledger.command.initiative.InitiativeCommands.AddInitiative;
import dev.okrledger.command.initiative.InitiativeCommands.CompleteInitiative;
import dev.okrledger.command.initiative.InitiativeCommands.PivotInitiative;
import dev.okrledger.command.initiative.InitiativeCommands.StartInitiative;
import dev.okrledger.command.initiative.InitiativeCommands.StopInitiative;
import dev.okrledger.command.shared.InvalidInput;
import dev.okrledger.command.shared.StateConflict;
import dev.okrledger.command.support.InMemoryDirectory;
import dev.okrledger.contract.event.Cadence;
import dev.okrledger.contract.event.Indicator;
import dev.okrledger.contract.event.InitiativeAdded;
import dev.okrledger.contract.event.InitiativeCompleted;
import dev.okrledger.contract.event.InitiativePivoted;
import dev.okrledger.contract.event.InitiativeStatus;
import dev.okrledger.contract.event.InitiativeStopped;
import dev.okrledger.contract.event.KeyResultDefined;
import dev.okrledger.contract.event.KeyResultDropped;
import dev.okrledger.contract.policy.OkrPolicy;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.CustomTypeSafeMatcher;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Initiatives are entities of the key result: the key result decides whether they may change at
 * all, each initiative keeps its own state and rules.
 */
class KeyResultInitiativesTest {

    private static final UUID CYCLE = UUID.randomUUID();
    private static final UUID OBJECTIVE = UUID.randomUUID();
    private static final UUID KR = UUID.randomUUID();
    private static final UUID EMAILS = UUID.randomUUID();
    private static final UUID CHECKLIST = UUID.randomUUID();

    private AggregateTestFixture<KeyResult> fixture;
    private InMemoryDirectory directory;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(KeyResult.class);
        directory = new InMemoryDirectory().objective(new ObjectiveFacts(OBJECTIVE, CYCLE, "growth")).keyResult(KR, CYCLE);
        cycleIs(CycleStatus.ACTIVE);
        fixture.registerAnnotatedCommandHandler(new KeyResultCommandHandler(fixture.getRepository(), directory,
                Clock.fixed(Instant.parse("2026-05-20T10:00:00Z"), ZoneOffset.UTC), OkrPolicy.defaults()));
    }

    private void cycleIs(CycleStatus status) {
        directory.cycle(new CycleFacts(CYCLE, LocalDate.parse("2026-04-01"), LocalDate.parse("2026-07-01"),
                Cadence.WEEKLY, status));
    }

    private static KeyResultDefined metric() {
        return new KeyResultDefined(KR, OBJECTIVE, CYCLE, "Increase activation", "%", new BigDecimal("45"),
                new BigDecimal("60"), Indicator.LEADING, "growth-pm");
    }

    private static InitiativeAdded added(UUID initiative, String approach) {
        return new InitiativeAdded(KR, OBJECTIVE, initiative, "Onboarding", approach, InitiativeStatus.ACTIVE);
    }

    private static Matcher<Exception> rule(String name) {
        return new CustomTypeSafeMatcher<>("a refusal by rule " + name) {
            @Override
            protected boolean matchesSafely(Exception e) {
                return e instanceof StateConflict conflict ? conflict.rule().equals(name)
                        : e instanceof InvalidInput invalid && invalid.rule().equals(name);
            }
        };
    }

    @Test
    void eventsReachOnlyTheInitiativeTheyAreAbout() {
        fixture.given(metric(), added(EMAILS, "Emails"), added(CHECKLIST, "Checklist"),
                        new InitiativeCompleted(KR, OBJECTIVE, EMAILS))
                .when(new StopInitiative(KR, CHECKLIST, "Lower impact"))
                .expectEvents(new InitiativeStopped(KR, OBJECTIVE, CHECKLIST, "Lower impact"));
        fixture.given(metric(), added(EMAILS, "Emails"), added(CHECKLIST, "Checklist"),
                        new InitiativeCompleted(KR, OBJECTIVE, EMAILS))
                .when(new StopInitiative(KR, EMAILS, "Lower impact"))
                .expectException(rule("initiative-stop-from-active-or-planned"))
                .expectNoEvents();
    }

    @Test
    void aPivotStartsFromTheApproachOfTheLastPivot() {
        fixture.given(metric(), added(EMAILS, "Email redesign"),
                        new InitiativePivoted(KR, OBJECTIVE, EMAILS, "Email redesign", "In-app checklist", "why", null))
                .when(new PivotInitiative(KR, EMAILS, "Email redesign", "The checklist confused people", null))
                .expectEvents(new InitiativePivoted(KR, OBJECTIVE, EMAILS, "In-app checklist", "Email redesign",
                        "The checklist confused people", null));
    }

    @Test
    void initiativesOfADroppedKeyResultDoNotChange() {
        fixture.given(metric(), added(EMAILS, "Emails"), new KeyResultDropped(KR, OBJECTIVE, "superseded"))
                .when(new CompleteInitiative(KR, EMAILS))
                .expectException(rule("key-result-not-dropped"))
                .expectNoEvents();
    }

    @Test
    void initiativesOfAClosedCycleDoNotChange() {
        cycleIs(CycleStatus.CLOSED);
        fixture.given(metric(), added(EMAILS, "Emails"))
                .when(new CompleteInitiative(KR, EMAILS))
                .expectException(rule("cycle-not-closed"))
                .expectNoEvents();
        fixture.given(metric())
                .when(new AddInitiative(KR, CHECKLIST, "Checklist", null, null))
                .expectException(rule("cycle-not-closed"))
                .expectNoEvents();
    }

    @Test
    void initiativeIdsAreUnique() {
        fixture.given(metric(), added(EMAILS, "Emails"))
                .when(new AddInitiative(KR, EMAILS, "Again", null, null))
                .expectException(rule("initiative-id-unique"))
                .expectNoEvents();
    }

    @Test
    void aNewInitiativeIsPlannedOrActive() {
        fixture.given(metric())
                .when(new AddInitiative(KR, EMAILS, "Onboarding", null, InitiativeStatus.DONE))
                .expectException(rule("initiative-starts-planned-or-active"))
                .expectNoEvents();
    }

    @Test
    void onlyAnInitiativeOfThisKeyResultChanges() {
        fixture.given(metric(), added(EMAILS, "Emails"))
                .when(new StartInitiative(KR, CHECKLIST))
                .expectException(rule("initiative-exists"))
                .expectNoEvents();
    }
}
