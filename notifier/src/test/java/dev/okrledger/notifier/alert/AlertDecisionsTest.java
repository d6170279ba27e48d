package dev.okrledger.notifier.alert;

import dev.okrledger.contract.event.Cadence;
import dev.okrledger.contract.event.CheckInRecorded;
import dev.okrledger.contract.event.ConfidenceChanged;
import dev.okrledger.contract.event.CycleClosed;
import dev.okrledger.contract.event.CyclePlanned;
import dev.okrledger.contract.event.KeyResultDropped;
import dev.okrledger.contract.event.KeyResultTargetChanged;
import dev.okrledger.contract.event.MeasurementRecorded;
import dev.okrledger.contract.event.OkrEvent;
import dev.okrledger.contract.policy.OkrPolicy;
import dev.okrledger.contract.policy.PaceJudgement;
import dev.okrledger.contract.policy.PaceVerdict;
import dev.okrledger.notifier.tracking.KeyResultChange;
import dev.okrledger.notifier.tracking.PaceMove;
import dev.okrledger.notifier.tracking.Reading;
import dev.okrledger.notifier.tracking.Tracked;
import dev.okrledger.notifier.tracking.TrackedKeyResult;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link AlertRules#decide}: what one tracked change leads to. The tracking step has already kept the
 * event and judged pace; the rules only turn that into raises and resolutions.
 */
class AlertDecisionsTest {

    private static final OkrPolicy POLICY = OkrPolicy.defaults();
    private static final AlertRules RULES = new AlertRules(POLICY);
    private static final Instant AT = Instant.parse("2026-02-10T12:00:05Z");
    private static final Instant EFFECTIVE = Instant.parse("2026-02-10T12:00:00Z");
    private static final UUID KR = new UUID(9, 9);
    private static final UUID OBJECTIVE = new UUID(8, 8);
    private static final UUID CYCLE = new UUID(7, 7);
    private static final TrackedKeyResult PURSUED = keyResult(true);
    private static final PaceJudgement BEHIND = new PaceJudgement(0.15, 0.0, PaceVerdict.BEHIND, false);
    private static final PaceJudgement ON_PACE = new PaceJudgement(0.30, 0.375, PaceVerdict.ON_TRACK, false);

    private static TrackedKeyResult keyResult(boolean pursued) {
        return new TrackedKeyResult(
                KR,
                OBJECTIVE,
                CYCLE,
                "support",
                "Reduce first response",
                "support-lead",
                new BigDecimal("12"),
                new BigDecimal("4"),
                Instant.parse("2026-01-05T00:00:00Z"),
                null,
                null,
                false,
                pursued,
                List.of());
    }

    private static CheckInRecorded checkIn(UUID id, int confidence, String decision) {
        return new CheckInRecorded(
                KR, OBJECTIVE, id, EFFECTIVE, new BigDecimal("12"), confidence, null, null, decision);
    }

    private static Reading reading(UUID id) {
        return new Reading(id, false, new BigDecimal("12"), EFFECTIVE, null);
    }

    private static Tracked tracked(OkrEvent event, KeyResultChange... changes) {
        return new Tracked(event, AT, List.of(changes));
    }

    private static KeyResultChange fresh(TrackedKeyResult kr, PaceMove... moves) {
        return new KeyResultChange(KR, kr, kr, true, List.of(moves));
    }

    private static List<AlertKind> raised(List<Decision> decisions) {
        return decisions.stream()
                .filter(Decision.Raise.class::isInstance)
                .map(d -> ((Decision.Raise) d).alert().kind())
                .toList();
    }

    @Test
    void aSharpDropFromGreenToRedRaisesTheDropAndRedWithoutDecision() {
        UUID id = UUID.randomUUID();
        // one check-in, two events: the check-in (judged behind by the tracking step), then its confidence change
        List<Decision> forCheckIn =
                RULES.decide(tracked(checkIn(id, 3, null), fresh(PURSUED, new PaceMove(reading(id), BEHIND, AT))));
        List<Decision> forChange = RULES.decide(tracked(
                new ConfidenceChanged(KR, OBJECTIVE, id, EFFECTIVE, 8, 3, POLICY.bandOf(8), POLICY.bandOf(3)),
                fresh(PURSUED)));

        assertThat(raised(forCheckIn)).containsExactly(AlertKind.RED_WITHOUT_DECISION, AlertKind.BEHIND_PACE);
        assertThat(raised(forChange)).containsExactly(AlertKind.CONFIDENCE_DROP);
        assertThat(((Decision.Raise) forChange.get(0)).alert().severity()).isEqualTo(Severity.RED);
        // still red and undecided: it ends only a silence
        assertThat(forCheckIn)
                .contains(
                        new Decision.Resolve(KR, List.of(AlertKind.MISSED_CHECK_IN), EFFECTIVE, AT, "check-in:" + id));
        assertThat(forCheckIn.stream().filter(Decision.Raise.class::isInstance))
                .allSatisfy(d ->
                        assertThat(((Decision.Raise) d).alert().checkInId()).isEqualTo(id));
    }

    @Test
    void aRecoveryResolvesWhatEarlierCheckInsRaised() {
        UUID id = UUID.randomUUID();
        TrackedKeyResult wasBehind = new TrackedKeyResult(
                KR,
                OBJECTIVE,
                CYCLE,
                "support",
                "t",
                "o",
                new BigDecimal("12"),
                new BigDecimal("4"),
                PURSUED.definedAt(),
                null,
                null,
                true,
                true,
                List.of());
        List<Decision> decisions = RULES.decide(tracked(
                checkIn(id, 8, null),
                new KeyResultChange(KR, wasBehind, PURSUED, true, List.of(new PaceMove(reading(id), ON_PACE, AT)))));

        assertThat(decisions)
                .containsExactly(
                        new Decision.Resolve(
                                KR,
                                List.of(
                                        AlertKind.MISSED_CHECK_IN,
                                        AlertKind.CONFIDENCE_DROP,
                                        AlertKind.RED_WITHOUT_DECISION),
                                EFFECTIVE,
                                AT,
                                "check-in:" + id),
                        new Decision.Resolve(KR, List.of(AlertKind.BEHIND_PACE), null, AT, "check-in:" + id));
    }

    @Test
    void aRedCheckInWithADecisionEndsRedWithoutDecisionButNotTheDrop() {
        UUID id = UUID.randomUUID();
        assertThat(RULES.decide(tracked(checkIn(id, 3, "Hire a contractor"), fresh(PURSUED))))
                .containsExactly(new Decision.Resolve(
                        KR,
                        List.of(AlertKind.MISSED_CHECK_IN, AlertKind.RED_WITHOUT_DECISION),
                        EFFECTIVE,
                        AT,
                        "check-in:" + id));
    }

    @Test
    void aCheckInOrMeasurementTheTrackingHeldAlreadyDecidesNothing() {
        UUID id = UUID.randomUUID();
        KeyResultChange seenBefore = new KeyResultChange(KR, PURSUED, PURSUED, false, List.of());
        assertThat(RULES.decide(tracked(checkIn(id, 0, null), seenBefore))).isEmpty();
        assertThat(RULES.decide(tracked(
                        new MeasurementRecorded(KR, OBJECTIVE, id, new BigDecimal("12"), EFFECTIVE, "feed"),
                        seenBefore)))
                .isEmpty();
    }

    @Test
    void nothingIsDecidedForAKeyResultNobodyPursues() {
        TrackedKeyResult dropped = keyResult(false);
        UUID id = UUID.randomUUID();
        assertThat(RULES.decide(tracked(checkIn(id, 0, null), fresh(dropped)))).isEmpty();
        assertThat(RULES.decide(tracked(
                        new ConfidenceChanged(KR, OBJECTIVE, id, EFFECTIVE, 9, 1, POLICY.bandOf(9), POLICY.bandOf(1)),
                        fresh(dropped))))
                .isEmpty();
    }

    @Test
    void droppingAKeyResultResolvesEverythingItHas() {
        assertThat(RULES.decide(tracked(
                        new KeyResultDropped(KR, OBJECTIVE, "No longer relevant"),
                        new KeyResultChange(KR, PURSUED, keyResult(false), true, List.of()))))
                .containsExactly(new Decision.ResolveAll(KR, AT, "key-result-dropped"));
    }

    @Test
    void aClosedCycleEndsTheSilenceOfEachOfItsKeyResults() {
        UUID other = UUID.randomUUID();
        assertThat(RULES.decide(tracked(
                        new CycleClosed(CYCLE),
                        fresh(PURSUED),
                        new KeyResultChange(other, null, null, true, List.of()))))
                .containsExactly(
                        new Decision.Resolve(KR, List.of(AlertKind.MISSED_CHECK_IN), null, AT, "cycle-closed"),
                        new Decision.Resolve(other, List.of(AlertKind.MISSED_CHECK_IN), null, AT, "cycle-closed"));
    }

    @Test
    void aTargetChangeResolvesAsTargetChangedAndAMeasurementIsNamedAsMeasured() {
        UUID measurement = UUID.randomUUID();
        Reading measured = new Reading(measurement, true, new BigDecimal("12"), EFFECTIVE, "helpdesk-export");
        KeyResultTargetChanged change =
                new KeyResultTargetChanged(KR, OBJECTIVE, new BigDecimal("4"), new BigDecimal("2"), "Re-planned");

        Alert behind = ((Decision.Raise) RULES.decide(
                                tracked(change, fresh(PURSUED, new PaceMove(measured, BEHIND, AT))))
                        .get(0))
                .alert();
        assertThat(behind.checkInId()).isEqualTo(measurement);
        assertThat(behind.raisedAt()).isEqualTo(AT);
        assertThat(behind.detail())
                .isEqualTo("Progress 0.00 is below expected 0.15 minus the tolerance 0.10; " + "measured: measurement "
                        + measurement + " from helpdesk-export");
        assertThat(RULES.decide(tracked(change, fresh(PURSUED, new PaceMove(measured, ON_PACE, AT)))))
                .containsExactly(new Decision.Resolve(KR, List.of(AlertKind.BEHIND_PACE), null, AT, "target-changed"));
    }

    @Test
    void aCycleArrivingLateRaisesAndResolvesInTheOrderItsValuesCame() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        Instant firstArrived = AT.minusSeconds(7200);
        Instant secondArrived = AT.minusSeconds(3600);
        List<Decision> decisions = RULES.decide(tracked(
                new CyclePlanned(
                        CYCLE, "Q1", LocalDate.parse("2026-01-05"), LocalDate.parse("2026-04-06"), Cadence.WEEKLY),
                fresh(
                        PURSUED,
                        new PaceMove(reading(first), BEHIND, firstArrived),
                        new PaceMove(reading(second), ON_PACE, secondArrived))));

        assertThat(decisions).hasSize(2);
        assertThat(((Decision.Raise) decisions.get(0)).alert().raisedAt()).isEqualTo(firstArrived);
        assertThat(decisions.get(1))
                .isEqualTo(new Decision.Resolve(
                        KR, List.of(AlertKind.BEHIND_PACE), null, secondArrived, "check-in:" + second));
    }
}
