package dev.okrledger.command.keyresult;

import dev.okrledger.command.access.Permissions;
import dev.okrledger.command.directory.CycleFacts;
import dev.okrledger.command.directory.CycleFacts.CycleStatus;
import dev.okrledger.command.directory.ObjectiveFacts;
import dev.okrledger.command.shared.InvalidInput;
import dev.okrledger.command.shared.StateConflict;
import dev.okrledger.command.support.InMemoryDirectory;
import dev.okrledger.command.support.SignedIn;
import dev.okrledger.contract.event.Cadence;
import dev.okrledger.contract.event.CheckInRecorded;
import dev.okrledger.contract.event.Indicator;
import dev.okrledger.contract.event.KeyResultDefined;
import dev.okrledger.contract.event.KeyResultDropped;
import dev.okrledger.contract.event.KeyResultGraded;
import dev.okrledger.contract.event.KeyResultKind;
import dev.okrledger.contract.event.MeasurementRecorded;
import dev.okrledger.contract.policy.OkrPolicy;
import dev.okrledger.contract.policy.Progress;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.test.aggregate.AggregateTestFixture;
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

/** The rules of measurements on the KeyResult aggregate, one test per rule. */
class KeyResultMeasurementTest {

    private static final Instant NOW = Instant.parse("2026-05-20T10:00:00Z");
    private static final UUID OBJECTIVE = UUID.randomUUID();
    private static final UUID KR = UUID.randomUUID();
    private static final UUID CYCLE = UUID.randomUUID();

    /** What a cycle close does to each key result, as a command so the fixture can drive it. */
    record Grade(UUID keyResultId) {}

    private AggregateTestFixture<KeyResult> fixture;
    private InMemoryDirectory directory;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(KeyResult.class);
        directory = new InMemoryDirectory()
                .objective(new ObjectiveFacts(OBJECTIVE, CYCLE, "support"))
                .keyResult(KR, CYCLE);
        cycleIs(CycleStatus.ACTIVE);
        fixture.registerAnnotatedCommandHandler(new KeyResultCommandHandler(
                fixture.getRepository(),
                directory,
                Clock.fixed(NOW, ZoneOffset.UTC),
                OkrPolicy.defaults(),
                new Permissions(directory)));
        SignedIn.asAdmin();
        fixture.registerAnnotatedCommandHandler(new Object() {
            @CommandHandler
            void handle(Grade command) {
                fixture.getRepository().load(command.keyResultId().toString()).execute(KeyResult::grade);
            }
        });
    }

    @AfterEach
    void signOut() {
        SignedIn.out();
    }

    private void cycleIs(CycleStatus status) {
        directory.cycle(new CycleFacts(
                CYCLE, LocalDate.parse("2026-04-01"), LocalDate.parse("2026-07-01"), Cadence.WEEKLY, status));
    }

    private static KeyResultDefined defined() {
        return new KeyResultDefined(
                KR,
                OBJECTIVE,
                CYCLE,
                "Reduce median first response",
                "hours",
                new BigDecimal("12"),
                new BigDecimal("4"),
                Indicator.LEADING,
                "support-lead");
    }

    private static RecordMeasurement measure(UUID id, String value, Instant observedAt) {
        return new RecordMeasurement(
                KR, id, value == null ? null : new BigDecimal(value), observedAt, "helpdesk-export");
    }

    private static MeasurementRecorded measured(UUID id, String value, Instant observedAt) {
        return new MeasurementRecorded(KR, OBJECTIVE, id, new BigDecimal(value), observedAt, "helpdesk-export");
    }

    private static CheckInRecorded checkedIn(String value, Instant effectiveAt) {
        return new CheckInRecorded(
                KR, OBJECTIVE, UUID.randomUUID(), effectiveAt, new BigDecimal(value), 6, null, null, null);
    }

    @Test
    void measurementIsRecordedAtItsObservedMoment() {
        UUID id = UUID.randomUUID();
        Instant observed = NOW.minusSeconds(3600);
        fixture.given(defined())
                .when(measure(id, "9.5", observed))
                .expectEvents(measured(id, "9.5", observed))
                .expectResultMessagePayload(new CheckInOutcome(CheckInOutcome.Status.RECORDED, 1));
    }

    @Test
    void sameMeasurementSentAgainRecordsNothingNew() {
        UUID id = UUID.randomUUID();
        Instant observed = NOW.minusSeconds(3600);
        fixture.given(defined(), measured(id, "9.5", observed))
                .when(measure(id, "9.50", observed))
                .expectNoEvents()
                .expectResultMessagePayload(new CheckInOutcome(CheckInOutcome.Status.ALREADY_RECORDED, 1));
    }

    @Test
    void measurementIdReusedForOtherContentIsAConflict() {
        UUID id = UUID.randomUUID();
        Instant observed = NOW.minusSeconds(3600);
        fixture.given(defined(), measured(id, "9.5", observed))
                .when(measure(id, "8", observed))
                .expectException(StateConflict.class)
                .expectNoEvents();
    }

    @Test
    void measurementObservedBeforeTheCycleIsRefused() {
        fixture.given(defined())
                .when(measure(UUID.randomUUID(), "9", Instant.parse("2026-03-31T23:00:00Z")))
                .expectException(InvalidInput.class)
                .expectExceptionMessage("observedAt must fall inside the cycle (2026-04-01 to 2026-07-01)")
                .expectNoEvents();
    }

    @Test
    void measurementObservedInTheFutureIsRefused() {
        fixture.given(defined())
                .when(measure(
                        UUID.randomUUID(),
                        "9",
                        NOW.plus(ReadingGuard.CLOCK_SKEW).plusSeconds(1)))
                .expectException(InvalidInput.class)
                .expectExceptionMessage("A measurement cannot be observed in the future")
                .expectNoEvents();
    }

    @Test
    void milestoneKeyResultTakesNoMeasurements() {
        KeyResultDefined milestones = new KeyResultDefined(
                KR,
                OBJECTIVE,
                CYCLE,
                "Ship the portal",
                "milestones",
                BigDecimal.ZERO,
                BigDecimal.valueOf(2),
                Indicator.LAGGING,
                "support-lead",
                KeyResultKind.MILESTONE,
                null,
                List.of("beta", "launch"),
                List.of());
        fixture.given(milestones)
                .when(measure(UUID.randomUUID(), "1", NOW.minusSeconds(60)))
                .expectException(InvalidInput.class)
                .expectNoEvents();
    }

    @Test
    void droppedKeyResultTakesNoMeasurements() {
        fixture.given(defined(), new KeyResultDropped(KR, OBJECTIVE, "Metric retired"))
                .when(measure(UUID.randomUUID(), "9", NOW.minusSeconds(60)))
                .expectException(StateConflict.class)
                .expectExceptionMessage("This key result was dropped")
                .expectNoEvents();
    }

    @Test
    void closedCycleTakesNoMeasurements() {
        cycleIs(CycleStatus.CLOSED);
        fixture.given(defined())
                .when(measure(UUID.randomUUID(), "9", NOW.minusSeconds(60)))
                .expectException(StateConflict.class)
                .expectNoEvents();
    }

    @Test
    void measurementWithoutValueIsRefused() {
        fixture.given(defined())
                .when(measure(UUID.randomUUID(), null, NOW.minusSeconds(60)))
                .expectException(InvalidInput.class)
                .expectNoEvents();
    }

    @Test
    void gradeTakesAMeasurementObservedAfterTheLastCheckIn() {
        Instant week3 = Instant.parse("2026-04-20T09:00:00Z");
        fixture.given(defined(), checkedIn("10", week3), measured(UUID.randomUUID(), "6", week3.plusSeconds(3600)))
                .when(new Grade(KR))
                .expectEvents(new KeyResultGraded(
                        KR,
                        OBJECTIVE,
                        CYCLE,
                        new BigDecimal("6"),
                        Progress.of(new BigDecimal("12"), new BigDecimal("4"), new BigDecimal("6"))));
    }

    @Test
    void gradeTakesALateCheckInEffectiveAfterTheMeasurement() {
        Instant week3 = Instant.parse("2026-04-20T09:00:00Z");
        // the measurement was recorded first but observed earlier than the check-in recorded after it
        fixture.given(
                        defined(),
                        measured(UUID.randomUUID(), "6", week3),
                        checkedIn("8", week3.plusSeconds(3600)),
                        checkedIn("11", week3.minusSeconds(86_400)))
                .when(new Grade(KR))
                .expectEvents(new KeyResultGraded(
                        KR,
                        OBJECTIVE,
                        CYCLE,
                        new BigDecimal("8"),
                        Progress.of(new BigDecimal("12"), new BigDecimal("4"), new BigDecimal("8"))));
    }
}
