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
import dev.okrledger.contract.event.ConfidenceBand;
import dev.okrledger.contract.event.ConfidenceChanged;
import dev.okrledger.contract.event.Indicator;
import dev.okrledger.contract.event.KeyResultDefined;
import dev.okrledger.contract.policy.OkrPolicy;
import dev.okrledger.security.Forbidden;
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

class KeyResultTest {

    private static final Instant NOW = Instant.parse("2026-05-20T10:00:00Z");
    private static final UUID CYCLE = UUID.randomUUID();
    private static final UUID OBJECTIVE = UUID.randomUUID();
    private static final UUID KR = UUID.randomUUID();

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
    }

    @AfterEach
    void signOut() {
        SignedIn.out();
    }

    static void cycleIs(InMemoryDirectory directory, CycleStatus status) {
        directory.cycle(new CycleFacts(
                CYCLE, LocalDate.parse("2026-04-01"), LocalDate.parse("2026-07-01"), Cadence.WEEKLY, status));
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

    private static RecordCheckIn checkIn(UUID id, String value, int confidence, Instant effectiveAt) {
        return new RecordCheckIn(KR, id, new BigDecimal(value), confidence, null, null, null, effectiveAt);
    }

    private static CheckInRecorded recorded(UUID id, String value, int confidence, Instant effectiveAt) {
        return new CheckInRecorded(KR, OBJECTIVE, id, effectiveAt, new BigDecimal(value), confidence, null, null, null);
    }

    @Test
    void targetMustDifferFromBaseline() {
        fixture.givenNoPriorActivity()
                .when(new DefineKeyResult(
                        KR,
                        OBJECTIVE,
                        "Flat",
                        "hours",
                        BigDecimal.TEN,
                        new BigDecimal("10.0"),
                        Indicator.LAGGING,
                        "owner"))
                .expectException(InvalidInput.class)
                .expectExceptionMessage("A key result's target must differ from its baseline")
                .expectNoEvents();
    }

    @Test
    void keyResultIsDefinedInTheCycleOfItsObjective() {
        fixture.givenNoPriorActivity()
                .when(new DefineKeyResult(
                        KR,
                        OBJECTIVE,
                        "Reduce median first response",
                        "hours",
                        new BigDecimal("12"),
                        new BigDecimal("4"),
                        Indicator.LEADING,
                        "support-lead"))
                .expectEvents(defined());
    }

    @Test
    void checkInIsRecordedWhenTheCycleIsActive() {
        fixture.given(defined())
                .when(checkIn(new UUID(0, 1), "9", 7, null))
                .expectEvents(recorded(new UUID(0, 1), "9", 7, NOW))
                .expectResultMessagePayload(new CheckInOutcome(CheckInOutcome.Status.RECORDED, 1));
    }

    @Test
    void checkInByNeitherATeamMemberNorTheOwnerIsForbidden() {
        directory.keyResult(KR, CYCLE, "support", "support-lead");
        SignedIn.as("sam", List.of("sales"), List.of());
        fixture.given(defined())
                .when(checkIn(UUID.randomUUID(), "9", 7, null))
                .expectException(Forbidden.class)
                .expectNoEvents();
    }

    @Test
    void theOwnerOutsideTheTeamMayCheckIn() {
        directory.keyResult(KR, CYCLE, "support", "support-lead");
        SignedIn.as("support-lead", List.of("sales"), List.of());
        fixture.given(defined())
                .when(checkIn(new UUID(0, 1), "9", 7, null))
                .expectEvents(recorded(new UUID(0, 1), "9", 7, NOW));
    }

    @Test
    void confidenceOutOfRangeIsRejected() {
        fixture.given(defined())
                .when(checkIn(UUID.randomUUID(), "9", 11, null))
                .expectException(InvalidInput.class)
                .expectNoEvents();
        fixture.given(defined())
                .when(checkIn(UUID.randomUUID(), "9", -1, null))
                .expectException(InvalidInput.class)
                .expectNoEvents();
    }

    @Test
    void checkInIsAcceptedOnlyInAnActiveCycle() {
        cycleIs(CycleStatus.PLANNING);
        fixture.given(defined())
                .when(checkIn(UUID.randomUUID(), "9", 7, null))
                .expectException(StateConflict.class)
                .expectNoEvents();
        cycleIs(CycleStatus.CLOSED);
        fixture.given(defined())
                .when(checkIn(UUID.randomUUID(), "9", 7, null))
                .expectException(StateConflict.class)
                .expectNoEvents();
    }

    @Test
    void sameCheckInIdIsRecordedOnce() {
        UUID id = UUID.randomUUID();
        fixture.given(defined(), recorded(id, "9", 7, NOW.minusSeconds(60)))
                .when(checkIn(id, "9.0", 7, null))
                .expectNoEvents()
                .expectResultMessagePayload(new CheckInOutcome(CheckInOutcome.Status.ALREADY_RECORDED, 1));
    }

    @Test
    void checkInIdReusedForOtherContentIsAConflict() {
        UUID id = UUID.randomUUID();
        fixture.given(defined(), recorded(id, "9", 7, NOW.minusSeconds(60)))
                .when(checkIn(id, "9", 3, null))
                .expectException(StateConflict.class)
                .expectNoEvents();
    }

    @Test
    void effectiveAtMustFallInsideTheCycle() {
        fixture.given(defined())
                .when(checkIn(UUID.randomUUID(), "9", 7, Instant.parse("2026-03-31T23:59:59Z")))
                .expectException(InvalidInput.class)
                .expectNoEvents();
    }

    @Test
    void effectiveAtCannotBeInTheFuture() {
        fixture.given(defined())
                .when(checkIn(UUID.randomUUID(), "9", 7, NOW.plusSeconds(3600)))
                .expectException(InvalidInput.class)
                .expectNoEvents();
    }

    @Test
    void changedConfidenceIsEventedWithItsBands() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        Instant earlier = NOW.minusSeconds(7 * 86400);
        fixture.given(defined(), recorded(first, "10", 8, earlier))
                .when(checkIn(second, "9", 4, null))
                .expectEvents(
                        recorded(second, "9", 4, NOW),
                        new ConfidenceChanged(
                                KR, OBJECTIVE, second, NOW, 8, 4, ConfidenceBand.GREEN, ConfidenceBand.AMBER));
    }

    @Test
    void unchangedConfidenceRaisesNoConfidenceChange() {
        fixture.given(defined(), recorded(UUID.randomUUID(), "10", 8, NOW.minusSeconds(86400)))
                .when(checkIn(new UUID(0, 2), "9", 8, null))
                .expectEvents(recorded(new UUID(0, 2), "9", 8, NOW));
    }

    @Test
    void backdatedCheckInIsComparedWithTheCheckInBeforeItInEffectiveOrder() {
        Instant week1 = Instant.parse("2026-04-07T12:00:00Z");
        Instant week2 = Instant.parse("2026-04-14T12:00:00Z");
        Instant week3 = Instant.parse("2026-04-21T12:00:00Z");
        UUID late = new UUID(0, 3);
        fixture.given(
                        defined(),
                        recorded(UUID.randomUUID(), "12", 9, week1),
                        recorded(UUID.randomUUID(), "10", 8, week3))
                .when(checkIn(late, "11", 5, week2))
                .expectEvents(
                        recorded(late, "11", 5, week2),
                        new ConfidenceChanged(
                                KR, OBJECTIVE, late, week2, 9, 5, ConfidenceBand.GREEN, ConfidenceBand.AMBER));
    }
}
