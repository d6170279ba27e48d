package dev.okrledger.notifier.alert;

import dev.okrledger.contract.event.Cadence;
import dev.okrledger.contract.event.CheckInRecorded;
import dev.okrledger.contract.event.Checkpoint;
import dev.okrledger.contract.event.ConfidenceChanged;
import dev.okrledger.contract.policy.OkrPolicy;
import dev.okrledger.notifier.tracking.CycleStatus;
import dev.okrledger.notifier.tracking.CycleWindow;
import dev.okrledger.notifier.tracking.TrackedKeyResult;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class AlertRulesTest {

    private static final OkrPolicy POLICY = OkrPolicy.defaults();
    private static final AlertRules RULES = new AlertRules(POLICY);
    private static final Instant AT = Instant.parse("2026-05-01T12:00:00Z");
    private static final UUID KR = new UUID(9, 9);
    private static final UUID OBJECTIVE = new UUID(8, 8);
    // 91 days from 2026-01-05: a 13-week quarter
    private static final CycleWindow CYCLE = new CycleWindow(
            new UUID(7, 7),
            LocalDate.parse("2026-01-05"),
            LocalDate.parse("2026-04-06"),
            Cadence.WEEKLY,
            CycleStatus.ACTIVE);

    private static TrackedKeyResult keyResult(UUID lastCheckIn, Instant lastEffectiveAt) {
        // the worked example of docs/domain.md: median first response 12 h -> 4 h
        return new TrackedKeyResult(
                KR,
                OBJECTIVE,
                CYCLE.cycleId(),
                "support",
                "Reduce median first response",
                "support-lead",
                new BigDecimal("12"),
                new BigDecimal("4"),
                CYCLE.start(),
                lastCheckIn,
                lastEffectiveAt,
                false,
                true,
                List.of());
    }

    private static final TrackedKeyResult FRT = keyResult(null, null);

    @Nested
    class ConfidenceDrop {

        private ConfidenceChanged change(UUID checkIn, int from, int to) {
            return new ConfidenceChanged(KR, OBJECTIVE, checkIn, AT, from, to, POLICY.bandOf(from), POLICY.bandOf(to));
        }

        @ParameterizedTest(name = "{0} -> {1} raises {2}")
        @CsvSource({
            "8,4,AMBER", // docs/domain.md: drop of 4, green -> amber
            "6,3,RED", // docs/domain.md: drop of 3 into red
            "10,7,AMBER", // drop of exactly the threshold inside green is still AMBER
            "7,5,AMBER", // drop of 2, but the band worsens (sample quarter, p95 week 4)
            "7,6,AMBER", // band edge: green -> amber by one point
            "4,3,RED", // band edge: amber -> red by one point
            "7,3,RED",
            "3,0,RED"
        }) // drop of 3 inside red
        void sharpDropRaisesWithTheSeverityOfTheNewBand(int from, int to, Severity severity) {
            assertThat(RULES.confidenceDrop(change(UUID.randomUUID(), from, to), FRT, AT))
                    .hasValueSatisfying(alert -> {
                        assertThat(alert.kind()).isEqualTo(AlertKind.CONFIDENCE_DROP);
                        assertThat(alert.severity()).isEqualTo(severity);
                        assertThat(alert.fromConfidence()).isEqualTo(from);
                        assertThat(alert.toConfidence()).isEqualTo(to);
                        assertThat(alert.team()).isEqualTo("support");
                        assertThat(alert.status()).isEqualTo(AlertStatus.OPEN);
                    });
        }

        @ParameterizedTest(name = "{0} -> {1} raises nothing")
        @CsvSource({"10,8", "6,4", "9,7", "3,8", "4,5", "2,1"})
        void smallDropsInsideABandAndRisesRaiseNothing(int from, int to) {
            assertThat(RULES.confidenceDrop(change(UUID.randomUUID(), from, to), FRT, AT))
                    .isEmpty();
        }

        @Test
        void theThresholdComesFromThePolicy() {
            AlertRules strict = new AlertRules(OkrPolicy.from(Map.of("sharp-drop-points", "2")::get));
            assertThat(strict.confidenceDrop(change(UUID.randomUUID(), 10, 8), FRT, AT))
                    .isPresent();
        }

        @ParameterizedTest(name = "a later check-in at {0} recovers: {1}")
        @CsvSource({"7,true", "10,true", "6,false", "3,false"})
        void onlyALaterCheckInBackInGreenRecovers(int confidence, boolean recovers) {
            assertThat(RULES.recoversFromConfidenceDrop(confidence)).isEqualTo(recovers);
        }

        @Test
        void theSameTriggerAlwaysNamesTheSameAlert() {
            UUID checkIn = UUID.randomUUID();
            Alert first = RULES.confidenceDrop(change(checkIn, 8, 4), FRT, AT).orElseThrow();
            Alert again = RULES.confidenceDrop(change(checkIn, 8, 4), FRT, AT.plusSeconds(60))
                    .orElseThrow();
            Alert other = RULES.confidenceDrop(change(UUID.randomUUID(), 8, 4), FRT, AT)
                    .orElseThrow();
            assertThat(again.id()).isEqualTo(first.id());
            assertThat(other.id()).isNotEqualTo(first.id());
        }
    }

    @Nested
    class RedWithoutDecision {

        private CheckInRecorded checkIn(int confidence, String decision) {
            return new CheckInRecorded(
                    KR, OBJECTIVE, UUID.randomUUID(), AT, new BigDecimal("9"), confidence, null, null, decision);
        }

        @ParameterizedTest(name = "confidence {0} without a decision raises a RED alert")
        @ValueSource(ints = {0, 3})
        void redCheckInWithoutDecisionRaises(int confidence) {
            assertThat(RULES.redWithoutDecision(checkIn(confidence, null), FRT, AT))
                    .hasValueSatisfying(alert -> {
                        assertThat(alert.kind()).isEqualTo(AlertKind.RED_WITHOUT_DECISION);
                        assertThat(alert.severity()).isEqualTo(Severity.RED);
                    });
        }

        @Test
        void aBlankDecisionIsNoDecision() {
            assertThat(RULES.redWithoutDecision(checkIn(3, "  "), FRT, AT)).isPresent();
        }

        @Test
        void theAmberBandEdgeRaisesNothing() {
            assertThat(RULES.redWithoutDecision(checkIn(4, null), FRT, AT)).isEmpty();
        }

        @Test
        void aRedCheckInWithADecisionRaisesNothing() {
            assertThat(RULES.redWithoutDecision(checkIn(2, "Hire a contractor"), FRT, AT))
                    .isEmpty();
        }

        @Test
        void aLaterCheckInOutOfRedOrWithADecisionRecovers() {
            assertThat(RULES.recoversFromRedWithoutDecision(4, null)).isTrue();
            assertThat(RULES.recoversFromRedWithoutDecision(3, "Stop initiative A"))
                    .isTrue();
            assertThat(RULES.recoversFromRedWithoutDecision(3, null)).isFalse();
        }
    }

    @Nested
    class BehindPace {

        // week 6 of 13 (day 42 of 91): expected 0.4615, behind below 0.3615
        private static final Instant WEEK_6 = CYCLE.start().plus(Duration.ofDays(42));

        @Test
        void theWorkedExampleAtNineHoursIsWithinTolerance() {
            // progress (9 - 12) / (4 - 12) = 0.375
            assertThat(RULES.isBehindPace(FRT, CYCLE, new BigDecimal("9"), WEEK_6))
                    .isFalse();
        }

        @Test
        void progressBelowExpectedMinusToleranceIsBehind() {
            // 9.2 h: progress 0.35 < 0.3615
            assertThat(RULES.isBehindPace(FRT, CYCLE, new BigDecimal("9.2"), WEEK_6))
                    .isTrue();
        }

        @Test
        void progressExactlyAtExpectedMinusToleranceIsNotBehind() {
            // day 45.5 of 91 -> expected 0.5; 8.8 h -> progress exactly 0.4
            Instant half = CYCLE.start().plus(Duration.ofHours(45 * 24 + 12));
            assertThat(RULES.isBehindPace(FRT, CYCLE, new BigDecimal("8.8"), half))
                    .isFalse();
            assertThat(RULES.isBehindPace(FRT, CYCLE, new BigDecimal("8.81"), half))
                    .isTrue();
        }

        private TrackedKeyResult planned(String date, String expectedValue) {
            return new TrackedKeyResult(
                    KR,
                    OBJECTIVE,
                    CYCLE.cycleId(),
                    "support",
                    FRT.title(),
                    FRT.owner(),
                    FRT.baseline(),
                    FRT.target(),
                    FRT.definedAt(),
                    null,
                    null,
                    false,
                    true,
                    List.of(new Checkpoint(LocalDate.parse(date), new BigDecimal(expectedValue))));
        }

        @Test
        void aSlowStartPlanExpectsLessThanTheElapsedFraction() {
            // 10 h planned by day 56: at day 42 expected 10.5 h, progress 0.1875; behind below 0.0875
            TrackedKeyResult slowStart = planned("2026-03-02", "10");
            assertThat(RULES.isBehindPace(FRT, CYCLE, new BigDecimal("10.5"), WEEK_6))
                    .isTrue();
            assertThat(RULES.isBehindPace(slowStart, CYCLE, new BigDecimal("10.5"), WEEK_6))
                    .isFalse();
            assertThat(RULES.isBehindPace(slowStart, CYCLE, new BigDecimal("11.4"), WEEK_6))
                    .isTrue(); // 0.075
        }

        @Test
        void aFrontLoadedPlanExpectsMore() {
            // 6 h planned by day 28: at day 42 expected 6 - 2 * 14/63 = 5.56 h, progress 0.81
            TrackedKeyResult frontLoaded = planned("2026-02-02", "6");
            assertThat(RULES.isBehindPace(frontLoaded, CYCLE, new BigDecimal("9"), WEEK_6))
                    .isTrue();
            Alert alert = RULES.behindPace(frontLoaded, CYCLE, UUID.randomUUID(), new BigDecimal("9"), WEEK_6, AT);
            assertThat(alert.detail())
                    .isEqualTo("Progress 0.38 is below expected 0.81 (planned checkpoints) minus the tolerance 0.10");
        }

        @Test
        void theAlertIsAmberAndNamesItsCheckIn() {
            UUID checkIn = UUID.randomUUID();
            Alert alert = RULES.behindPace(FRT, CYCLE, checkIn, new BigDecimal("12"), WEEK_6, AT);
            assertThat(alert.kind()).isEqualTo(AlertKind.BEHIND_PACE);
            assertThat(alert.severity()).isEqualTo(Severity.AMBER);
            assertThat(alert.checkInId()).isEqualTo(checkIn);
            assertThat(alert.cycleId()).isEqualTo(CYCLE.cycleId());
        }
    }

    @Nested
    class MissedCheckIn {

        private static final Instant LAST = CYCLE.start().plus(Duration.ofDays(20));
        private static final UUID LAST_CHECK_IN = new UUID(5, 5);
        private static final TrackedKeyResult CHECKED_IN = keyResult(LAST_CHECK_IN, LAST);
        // one weekly period plus the default grace of 2 days
        private static final Instant DEADLINE = LAST.plus(Duration.ofDays(9));

        @Test
        void exactlyAtCadencePlusGraceIsNotYetMissed() {
            assertThat(RULES.missedCheckIn(CHECKED_IN, CYCLE, DEADLINE)).isEmpty();
        }

        @Test
        void oneSecondLaterIsMissed() {
            assertThat(RULES.missedCheckIn(CHECKED_IN, CYCLE, DEADLINE.plusSeconds(1)))
                    .hasValueSatisfying(alert -> {
                        assertThat(alert.kind()).isEqualTo(AlertKind.MISSED_CHECK_IN);
                        assertThat(alert.severity()).isEqualTo(Severity.AMBER);
                        assertThat(alert.checkInId()).isEqualTo(LAST_CHECK_IN);
                        assertThat(alert.raisedAt()).isEqualTo(DEADLINE.plusSeconds(1));
                    });
        }

        @Test
        void theSameSilenceAlwaysNamesTheSameAlert() {
            Alert first = RULES.missedCheckIn(CHECKED_IN, CYCLE, DEADLINE.plusSeconds(1))
                    .orElseThrow();
            Alert later = RULES.missedCheckIn(CHECKED_IN, CYCLE, DEADLINE.plus(Duration.ofDays(3)))
                    .orElseThrow();
            assertThat(later.id()).isEqualTo(first.id());
        }

        @Test
        void aBiweeklyCadenceWaitsTwoWeeksPlusGrace() {
            CycleWindow biweekly = new CycleWindow(
                    CYCLE.cycleId(), CYCLE.startsOn(), CYCLE.endsOn(), Cadence.BIWEEKLY, CycleStatus.ACTIVE);
            assertThat(RULES.missedCheckIn(CHECKED_IN, biweekly, LAST.plus(Duration.ofDays(16))))
                    .isEmpty();
            assertThat(RULES.missedCheckIn(
                            CHECKED_IN, biweekly, LAST.plus(Duration.ofDays(16)).plusSeconds(1)))
                    .isPresent();
        }

        @Test
        void theGraceComesFromThePolicy() {
            AlertRules strict = new AlertRules(OkrPolicy.from(Map.of("missed-check-in-grace", "PT0S")::get));
            assertThat(strict.missedCheckIn(
                            CHECKED_IN, CYCLE, LAST.plus(Duration.ofDays(7)).plusSeconds(1)))
                    .isPresent();
        }

        @ParameterizedTest
        @EnumSource(
                value = CycleStatus.class,
                names = {"PLANNING", "CLOSED"})
        void onlyActiveCyclesAreScanned(CycleStatus status) {
            CycleWindow notActive =
                    new CycleWindow(CYCLE.cycleId(), CYCLE.startsOn(), CYCLE.endsOn(), CYCLE.cadence(), status);
            assertThat(RULES.missedCheckIn(CHECKED_IN, notActive, DEADLINE.plus(Duration.ofDays(1))))
                    .isEmpty();
        }

        @Test
        void aKeyResultWithoutCheckInsCountsFromTheLaterOfCycleStartAndItsDefinition() {
            Instant defined = CYCLE.start().plus(Duration.ofDays(30));
            TrackedKeyResult fresh = new TrackedKeyResult(
                    KR,
                    OBJECTIVE,
                    CYCLE.cycleId(),
                    "support",
                    "t",
                    "o",
                    BigDecimal.ONE,
                    BigDecimal.TEN,
                    defined,
                    null,
                    null,
                    false,
                    true,
                    List.of());
            assertThat(RULES.missedCheckIn(fresh, CYCLE, defined.plus(Duration.ofDays(9))))
                    .isEmpty();
            assertThat(RULES.missedCheckIn(
                            fresh, CYCLE, defined.plus(Duration.ofDays(9)).plusSeconds(1)))
                    .hasValueSatisfying(alert -> assertThat(alert.checkInId()).isNull());
        }

        @Test
        void aKeyResultNoLongerPursuedIsNeverMissed() {
            TrackedKeyResult stale = keyResult(LAST_CHECK_IN, CYCLE.start());
            TrackedKeyResult dropped = new TrackedKeyResult(
                    stale.keyResultId(),
                    stale.objectiveId(),
                    stale.cycleId(),
                    stale.team(),
                    stale.title(),
                    stale.owner(),
                    stale.baseline(),
                    stale.target(),
                    stale.definedAt(),
                    stale.lastCheckInId(),
                    stale.lastEffectiveAt(),
                    false,
                    false,
                    List.of());
            Instant muchLater = CYCLE.start().plus(Duration.ofDays(60));
            assertThat(RULES.missedCheckIn(stale, CYCLE, muchLater)).isPresent();
            assertThat(RULES.missedCheckIn(dropped, CYCLE, muchLater)).isEmpty();
        }

        @Test
        void noCheckInIsDueWhenTheNextOneWouldFallAfterTheCycleEnds() {
            TrackedKeyResult lastWeek = keyResult(LAST_CHECK_IN, CYCLE.end().minus(Duration.ofDays(3)));
            assertThat(RULES.missedCheckIn(lastWeek, CYCLE, CYCLE.end().plus(Duration.ofDays(30))))
                    .isEmpty();
        }
    }
}
