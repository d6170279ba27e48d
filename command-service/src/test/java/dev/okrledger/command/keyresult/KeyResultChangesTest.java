package dev.okrledger.command.keyresult;

import dev.okrledger.command.access.Permissions;
import dev.okrledger.command.directory.CycleFacts;
import dev.okrledger.command.directory.CycleFacts.CycleStatus;
import dev.okrledger.command.directory.ObjectiveFacts;
import dev.okrledger.command.initiative.InitiativeCommands.AddInitiative;
import dev.okrledger.command.initiative.InitiativeCommands.CompleteInitiative;
import dev.okrledger.command.initiative.InitiativeCommands.PivotInitiative;
import dev.okrledger.command.initiative.InitiativeCommands.StartInitiative;
import dev.okrledger.command.initiative.InitiativeCommands.StopInitiative;
import dev.okrledger.command.keyresult.KeyResultEdits.ChangeKeyResultOwner;
import dev.okrledger.command.keyresult.KeyResultEdits.ChangeKeyResultTarget;
import dev.okrledger.command.keyresult.KeyResultEdits.DropKeyResult;
import dev.okrledger.command.keyresult.KeyResultEdits.RewordKeyResult;
import dev.okrledger.command.shared.InvalidInput;
import dev.okrledger.command.shared.StateConflict;
import dev.okrledger.command.shared.VersionConflict;
import dev.okrledger.command.support.InMemoryDirectory;
import dev.okrledger.command.support.SignedIn;
import dev.okrledger.contract.event.Cadence;
import dev.okrledger.contract.event.CheckInRecorded;
import dev.okrledger.contract.event.Checkpoint;
import dev.okrledger.contract.event.Indicator;
import dev.okrledger.contract.event.InitiativeAdded;
import dev.okrledger.contract.event.InitiativeCompleted;
import dev.okrledger.contract.event.InitiativePivoted;
import dev.okrledger.contract.event.InitiativeStarted;
import dev.okrledger.contract.event.InitiativeStatus;
import dev.okrledger.contract.event.InitiativeStopped;
import dev.okrledger.contract.event.KeyResultDefined;
import dev.okrledger.contract.event.KeyResultDropped;
import dev.okrledger.contract.event.KeyResultKind;
import dev.okrledger.contract.event.KeyResultOwnerChanged;
import dev.okrledger.contract.event.KeyResultReworded;
import dev.okrledger.contract.event.KeyResultTargetChanged;
import dev.okrledger.contract.event.MeasurementDefinition;
import dev.okrledger.contract.policy.OkrPolicy;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.CustomTypeSafeMatcher;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/** Milestone key results, checkpoints, edits with reasons, dropping, initiatives and pivots. */
class KeyResultChangesTest {

    private static final Instant NOW = Instant.parse("2026-05-20T10:00:00Z");
    private static final UUID CYCLE = UUID.randomUUID();
    private static final UUID OBJECTIVE = UUID.randomUUID();
    private static final UUID KR = UUID.randomUUID();
    private static final UUID INITIATIVE = UUID.randomUUID();
    private static final UUID OTHER_INITIATIVE = UUID.randomUUID();

    private AggregateTestFixture<KeyResult> fixture;
    private InMemoryDirectory directory;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(KeyResult.class);
        directory = new InMemoryDirectory()
                .objective(new ObjectiveFacts(OBJECTIVE, CYCLE, "growth"))
                .keyResult(KR, CYCLE);
        cycleIs(CycleStatus.ACTIVE);
        fixture.registerAnnotatedCommandHandler(new KeyResultCommandHandler(
                fixture.getRepository(),
                directory,
                Clock.fixed(NOW, ZoneOffset.UTC),
                OkrPolicy.defaults(),
                new Permissions(directory)));
        fixture.registerAnnotatedCommandHandler(
                new InitiativeCommandHandler(fixture.getRepository(), directory, new Permissions(directory)));
        SignedIn.asAdmin();
    }

    @AfterEach
    void signOut() {
        SignedIn.out();
    }

    private void cycleIs(CycleStatus status) {
        directory.cycle(new CycleFacts(
                CYCLE, LocalDate.parse("2026-04-01"), LocalDate.parse("2026-07-01"), Cadence.WEEKLY, status));
    }

    private static KeyResultDefined metric() {
        return new KeyResultDefined(
                KR,
                OBJECTIVE,
                CYCLE,
                "Increase activation",
                "%",
                new BigDecimal("45"),
                new BigDecimal("60"),
                Indicator.LEADING,
                "growth-pm");
    }

    private static KeyResultDefined milestones() {
        return new KeyResultDefined(
                KR,
                OBJECTIVE,
                CYCLE,
                "Ship the new onboarding",
                "milestones",
                BigDecimal.ZERO,
                new BigDecimal("3"),
                Indicator.LEADING,
                "growth-eng",
                KeyResultKind.MILESTONE,
                null,
                List.of("design", "beta", "launch"),
                List.of());
    }

    private static DefineKeyResult defineMilestones(List<String> names) {
        return new DefineKeyResult(
                KR,
                OBJECTIVE,
                "Ship the new onboarding",
                null,
                null,
                null,
                Indicator.LEADING,
                "growth-eng",
                KeyResultKind.MILESTONE,
                null,
                names,
                List.of());
    }

    @Test
    void milestoneKeyResultRunsFromZeroToItsNumberOfMilestones() {
        fixture.givenNoPriorActivity()
                .when(defineMilestones(List.of("design", "beta", "launch")))
                .expectEvents(milestones());
    }

    @Test
    void milestoneKeyResultNeedsUniqueNamedMilestones() {
        fixture.givenNoPriorActivity().when(defineMilestones(List.of())).expectException(InvalidInput.class);
        fixture.givenNoPriorActivity()
                .when(defineMilestones(List.of("beta", "beta")))
                .expectException(InvalidInput.class);
    }

    @Test
    void milestoneCheckInCountsTheMilestonesDone() {
        UUID checkIn = new UUID(0, 7);
        fixture.given(milestones())
                .when(new RecordCheckIn(KR, checkIn, null, 7, null, null, null, null, List.of("design", "beta"), null))
                .expectEvents(new CheckInRecorded(
                        KR,
                        OBJECTIVE,
                        checkIn,
                        NOW,
                        new BigDecimal("2"),
                        7,
                        null,
                        null,
                        null,
                        List.of("design", "beta")));
    }

    @Test
    void unknownMilestoneIsRejected() {
        fixture.given(milestones())
                .when(new RecordCheckIn(KR, UUID.randomUUID(), null, 7, null, null, null, null, List.of("party"), null))
                .expectException(InvalidInput.class)
                .expectNoEvents();
    }

    @Test
    void metricCheckInNeedsAValue() {
        fixture.given(metric())
                .when(new RecordCheckIn(KR, UUID.randomUUID(), null, 7, null, null, null, null))
                .expectException(InvalidInput.class);
    }

    @Test
    void checkpointsMustFallInsideTheCycle() {
        fixture.givenNoPriorActivity()
                .when(new DefineKeyResult(
                        KR,
                        OBJECTIVE,
                        "Increase activation",
                        "%",
                        new BigDecimal("45"),
                        new BigDecimal("60"),
                        Indicator.LEADING,
                        "growth-pm",
                        KeyResultKind.METRIC,
                        new MeasurementDefinition("activated accounts", "test accounts", "warehouse"),
                        List.of(),
                        List.of(new Checkpoint(LocalDate.parse("2026-09-01"), new BigDecimal("50")))))
                .expectException(InvalidInput.class);
    }

    @Test
    void targetChangeKeepsTheOriginalAndTheReason() {
        fixture.given(metric())
                .when(new ChangeKeyResultTarget(KR, new BigDecimal("55"), "Market shrank", null))
                .expectEvents(new KeyResultTargetChanged(
                        KR, OBJECTIVE, new BigDecimal("60"), new BigDecimal("55"), "Market shrank"));
    }

    @Test
    void targetChangeMustStillDifferFromTheBaseline() {
        fixture.given(metric())
                .when(new ChangeKeyResultTarget(KR, new BigDecimal("45.0"), "oops", null))
                .expectException(InvalidInput.class);
    }

    @Test
    void rewordingKeepsTheOriginalWording() {
        fixture.given(metric())
                .when(new RewordKeyResult(KR, "Increase weekly activation", "Sharper definition", null))
                .expectEvents(new KeyResultReworded(
                        KR, OBJECTIVE, "Increase activation", "Increase weekly activation", "Sharper definition"));
    }

    @Test
    void ownerChangeNamesBothOwners() {
        fixture.given(metric())
                .when(new ChangeKeyResultOwner(KR, "growth-lead", "Reorg", null))
                .expectEvents(new KeyResultOwnerChanged(KR, OBJECTIVE, "growth-pm", "growth-lead", "Reorg"));
    }

    @Test
    void droppedKeyResultTakesNoMoreCheckIns() {
        fixture.given(metric(), new KeyResultDropped(KR, OBJECTIVE, "Superseded"))
                .when(new RecordCheckIn(KR, UUID.randomUUID(), BigDecimal.ONE, 7, null, null, null, null))
                .expectException(StateConflict.class);
    }

    @Test
    void dropIsEventedWithItsReason() {
        fixture.given(metric())
                .when(new DropKeyResult(KR, "Superseded by the new KR", null))
                .expectEvents(new KeyResultDropped(KR, OBJECTIVE, "Superseded by the new KR"));
    }

    @Test
    void editsInAClosedCycleAreRefused() {
        cycleIs(CycleStatus.CLOSED);
        fixture.given(metric())
                .when(new RewordKeyResult(KR, "Anything", "late", null))
                .expectException(StateConflict.class);
    }

    @Test
    void staleExpectedVersionIsAConflict() {
        fixture.given(
                        metric(),
                        new CheckInRecorded(
                                KR,
                                OBJECTIVE,
                                UUID.randomUUID(),
                                NOW.minusSeconds(60),
                                new BigDecimal("46"),
                                7,
                                null,
                                null,
                                null))
                .when(new RewordKeyResult(KR, "Increase weekly activation", "Sharper", 0L))
                .expectException(VersionConflict.class)
                .expectNoEvents();
    }

    @Test
    void currentExpectedVersionIsAccepted() {
        fixture.given(metric())
                .when(new RewordKeyResult(KR, "Increase weekly activation", "Sharper", 0L))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(1L);
    }

    @Test
    void initiativeStartsActiveUnlessPlanned() {
        fixture.given(metric())
                .when(new AddInitiative(KR, INITIATIVE, "Onboarding email redesign", "Emails", null))
                .expectEvents(new InitiativeAdded(
                        KR, OBJECTIVE, INITIATIVE, "Onboarding email redesign", "Emails", InitiativeStatus.ACTIVE));
    }

    @Test
    void pivotReplacesTheApproachWithAReasonAndTheDecidingCheckIn() {
        UUID checkIn = UUID.randomUUID();
        fixture.given(
                        metric(),
                        new InitiativeAdded(
                                KR, OBJECTIVE, INITIATIVE, "Onboarding", "Email redesign", InitiativeStatus.ACTIVE),
                        new CheckInRecorded(
                                KR,
                                OBJECTIVE,
                                checkIn,
                                NOW.minusSeconds(60),
                                new BigDecimal("46"),
                                4,
                                null,
                                null,
                                "Pivot to in-app checklist"))
                .when(new PivotInitiative(
                        KR,
                        INITIATIVE,
                        "In-app checklist experiment",
                        "Completion fell after the email redesign shipped",
                        checkIn))
                .expectEvents(new InitiativePivoted(
                        KR,
                        OBJECTIVE,
                        INITIATIVE,
                        "Email redesign",
                        "In-app checklist experiment",
                        "Completion fell after the email redesign shipped",
                        checkIn));
    }

    @Test
    void pivotLinksOnlyACheckInOfThisKeyResult() {
        fixture.given(
                        metric(),
                        new InitiativeAdded(KR, OBJECTIVE, INITIATIVE, "Onboarding", "Emails", InitiativeStatus.ACTIVE))
                .when(new PivotInitiative(KR, INITIATIVE, "Checklist", "why", UUID.randomUUID()))
                .expectException(InvalidInput.class);
    }

    @Test
    void doneInitiativeCannotPivotOrStop() {
        fixture.given(
                        metric(),
                        new InitiativeAdded(KR, OBJECTIVE, INITIATIVE, "Onboarding", "Emails", InitiativeStatus.ACTIVE),
                        new InitiativeCompleted(KR, OBJECTIVE, INITIATIVE))
                .when(new PivotInitiative(KR, INITIATIVE, "Checklist", "why", null))
                .expectException(StateConflict.class);
        fixture.given(
                        metric(),
                        new InitiativeAdded(KR, OBJECTIVE, INITIATIVE, "Onboarding", "Emails", InitiativeStatus.ACTIVE),
                        new InitiativeCompleted(KR, OBJECTIVE, INITIATIVE))
                .when(new StopInitiative(KR, INITIATIVE, "why"))
                .expectException(StateConflict.class);
    }

    @Test
    void plannedInitiativeIsStartedBeforeItCanBeCompleted() {
        fixture.given(
                        metric(),
                        new InitiativeAdded(
                                KR, OBJECTIVE, INITIATIVE, "Onboarding", "Emails", InitiativeStatus.PLANNED))
                .when(new CompleteInitiative(KR, INITIATIVE))
                .expectException(StateConflict.class);
        fixture.given(
                        metric(),
                        new InitiativeAdded(
                                KR, OBJECTIVE, INITIATIVE, "Onboarding", "Emails", InitiativeStatus.PLANNED))
                .when(new StartInitiative(KR, INITIATIVE))
                .expectEvents(new InitiativeStarted(KR, OBJECTIVE, INITIATIVE));
    }

    @Test
    void stoppingAnInitiativeRecordsWhy() {
        fixture.given(
                        metric(),
                        new InitiativeAdded(KR, OBJECTIVE, INITIATIVE, "Onboarding", "Emails", InitiativeStatus.ACTIVE))
                .when(new StopInitiative(KR, INITIATIVE, "Lower impact than the experiments"))
                .expectEvents(new InitiativeStopped(KR, OBJECTIVE, INITIATIVE, "Lower impact than the experiments"));
    }

    private static InitiativeAdded added(UUID initiative, String approach) {
        return new InitiativeAdded(KR, OBJECTIVE, initiative, "Onboarding", approach, InitiativeStatus.ACTIVE);
    }

    private static Matcher<Exception> rule(String name) {
        return new CustomTypeSafeMatcher<>("a refusal by rule " + name) {
            @Override
            protected boolean matchesSafely(Exception e) {
                return e instanceof StateConflict conflict
                        ? conflict.rule().equals(name)
                        : e instanceof InvalidInput invalid && invalid.rule().equals(name);
            }
        };
    }

    @Test
    void eventsReachOnlyTheInitiativeTheyAreAbout() {
        fixture.given(
                        metric(),
                        added(INITIATIVE, "Emails"),
                        added(OTHER_INITIATIVE, "Checklist"),
                        new InitiativeCompleted(KR, OBJECTIVE, INITIATIVE))
                .when(new StopInitiative(KR, OTHER_INITIATIVE, "Lower impact"))
                .expectEvents(new InitiativeStopped(KR, OBJECTIVE, OTHER_INITIATIVE, "Lower impact"));
        fixture.given(
                        metric(),
                        added(INITIATIVE, "Emails"),
                        added(OTHER_INITIATIVE, "Checklist"),
                        new InitiativeCompleted(KR, OBJECTIVE, INITIATIVE))
                .when(new StopInitiative(KR, INITIATIVE, "Lower impact"))
                .expectException(rule("initiative-stop-from-active-or-planned"))
                .expectNoEvents();
    }

    @Test
    void aPivotStartsFromTheApproachOfTheLastPivot() {
        fixture.given(
                        metric(),
                        added(INITIATIVE, "Email redesign"),
                        new InitiativePivoted(
                                KR, OBJECTIVE, INITIATIVE, "Email redesign", "In-app checklist", "why", null))
                .when(new PivotInitiative(KR, INITIATIVE, "Email redesign", "The checklist confused people", null))
                .expectEvents(new InitiativePivoted(
                        KR,
                        OBJECTIVE,
                        INITIATIVE,
                        "In-app checklist",
                        "Email redesign",
                        "The checklist confused people",
                        null));
    }

    @Test
    void initiativesOfADroppedKeyResultDoNotChange() {
        fixture.given(metric(), added(INITIATIVE, "Emails"), new KeyResultDropped(KR, OBJECTIVE, "superseded"))
                .when(new CompleteInitiative(KR, INITIATIVE))
                .expectException(rule("key-result-not-dropped"))
                .expectNoEvents();
    }

    @Test
    void initiativesOfAClosedCycleDoNotChange() {
        cycleIs(CycleStatus.CLOSED);
        fixture.given(metric(), added(INITIATIVE, "Emails"))
                .when(new CompleteInitiative(KR, INITIATIVE))
                .expectException(rule("cycle-not-closed"))
                .expectNoEvents();
        fixture.given(metric())
                .when(new AddInitiative(KR, OTHER_INITIATIVE, "Checklist", null, null))
                .expectException(rule("cycle-not-closed"))
                .expectNoEvents();
    }

    @Test
    void initiativeIdsAreUnique() {
        fixture.given(metric(), added(INITIATIVE, "Emails"))
                .when(new AddInitiative(KR, INITIATIVE, "Again", null, null))
                .expectException(rule("initiative-id-unique"))
                .expectNoEvents();
    }

    @Test
    void aNewInitiativeIsPlannedOrActive() {
        fixture.given(metric())
                .when(new AddInitiative(KR, INITIATIVE, "Onboarding", null, InitiativeStatus.DONE))
                .expectException(rule("initiative-starts-planned-or-active"))
                .expectNoEvents();
    }

    @Test
    void onlyAnInitiativeOfThisKeyResultChanges() {
        fixture.given(metric(), added(INITIATIVE, "Emails"))
                .when(new StartInitiative(KR, OTHER_INITIATIVE))
                .expectException(rule("initiative-exists"))
                .expectNoEvents();
    }
}
