package dev.okrledger.notifier.tracking;

import dev.okrledger.contract.event.Cadence;
import dev.okrledger.contract.event.CheckInRecorded;
import dev.okrledger.contract.event.CyclePlanned;
import dev.okrledger.contract.event.EventEnvelope;
import dev.okrledger.contract.event.Indicator;
import dev.okrledger.contract.event.KeyResultDefined;
import dev.okrledger.contract.event.KeyResultTargetChanged;
import dev.okrledger.contract.event.MeasurementRecorded;
import dev.okrledger.contract.event.ObjectiveDefined;
import dev.okrledger.contract.event.ObjectiveLevel;
import dev.okrledger.contract.policy.OkrPolicy;
import dev.okrledger.embedded.SharedTestInfrastructure;
import dev.okrledger.notifier.support.EventFeed;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The tracking step on real PostgreSQL: it returns what each event changed (the key result before and
 * after, whether the event was new here, the readings that turned pace) and keeps what it returns, so
 * nobody needs to read it back.
 */
class TrackingProjectionTest {

    // 91 days, weekly: at day 13.5 (week 2's check-in) expected progress is 0.148, behind below 0.048
    private static final LocalDate STARTS_ON = LocalDate.parse("2026-01-05");
    private static final Instant WEEK_2 =
            STARTS_ON.atStartOfDay(ZoneOffset.UTC).toInstant().plus(Duration.ofHours(13 * 24 + 12));

    private static TrackingProjection tracking;
    private static TrackingReader reader;

    private final EventFeed feed = new EventFeed();
    private final UUID cycle = UUID.randomUUID();
    private final UUID objective = UUID.randomUUID();
    private final UUID kr = UUID.randomUUID();

    @BeforeAll
    static void database() {
        DriverManagerDataSource db = new DriverManagerDataSource(
                SharedTestInfrastructure.freshDatabase("notifier_tracking"), "postgres", "");
        Flyway.configure()
                .dataSource(db)
                .locations("classpath:db/notifier")
                .load()
                .migrate();
        JdbcClient jdbc = JdbcClient.create(db);
        tracking = new TrackingProjection(new TrackingWriter(jdbc), OkrPolicy.defaults());
        reader = new TrackingReader(jdbc);
    }

    @BeforeEach
    void keyResultOfAnObjective() {
        apply(feed.envelope(
                "Objective",
                objective,
                new ObjectiveDefined(objective, cycle, "Make support faster", ObjectiveLevel.TEAM, "support", null),
                Instant.now()));
        apply(feed.envelope(
                "KeyResult",
                kr,
                new KeyResultDefined(
                        kr,
                        objective,
                        cycle,
                        "Reduce first response",
                        "h",
                        new BigDecimal("12"),
                        new BigDecimal("4"),
                        Indicator.LEADING,
                        "support-lead"),
                Instant.now()));
    }

    private Tracked apply(EventEnvelope envelope) {
        return tracking.apply(envelope);
    }

    private Tracked planCycle() {
        return apply(feed.envelope(
                "Cycle",
                cycle,
                new CyclePlanned(cycle, "Q1", STARTS_ON, STARTS_ON.plusDays(91), Cadence.WEEKLY),
                Instant.now()));
    }

    private EventEnvelope checkIn(UUID id, Instant effectiveAt, String value, Instant arrivedAt) {
        return feed.envelope(
                "KeyResult",
                kr,
                new CheckInRecorded(kr, objective, id, effectiveAt, new BigDecimal(value), 7, null, null, null),
                arrivedAt);
    }

    private static KeyResultChange only(Tracked tracked) {
        assertThat(tracked.keyResults()).hasSize(1);
        return tracked.keyResults().get(0);
    }

    @Test
    void aCheckInThatBecomesTheLatestReturnsTheKeyResultBeforeAndAfterAndTheTurnOfPaceItKept() {
        planCycle();
        UUID id = UUID.randomUUID();
        Instant arrived = WEEK_2.plusSeconds(5);
        KeyResultChange change = only(apply(checkIn(id, WEEK_2, "12", arrived))); // progress 0: behind

        assertThat(change.fresh()).isTrue();
        assertThat(change.before().lastCheckInId()).isNull();
        assertThat(change.before().behindPace()).isFalse();
        assertThat(change.after().lastCheckInId()).isEqualTo(id);
        assertThat(change.after().lastEffectiveAt()).isEqualTo(WEEK_2);
        assertThat(change.after().behindPace()).isTrue();
        assertThat(change.paceMoves()).singleElement().satisfies(move -> {
            assertThat(move.reading()).isEqualTo(new Reading(id, false, new BigDecimal("12"), WEEK_2, null));
            assertThat(move.behind()).isTrue();
            assertThat(move.judgement().expectedProgress()).isBetween(0.148, 0.149);
            assertThat(move.at()).isEqualTo(arrived);
        });
        assertThat(reader.keyResult(kr)).contains(change.after());

        // still behind a week later: judged, kept, but no turn
        KeyResultChange again =
                only(apply(checkIn(UUID.randomUUID(), WEEK_2.plus(Duration.ofDays(7)), "12", Instant.now())));
        assertThat(again.paceMoves()).isEmpty();
        assertThat(again.after().behindPace()).isTrue();
    }

    @Test
    void aBackdatedCheckInIsKeptButChangesNothingAndACheckInKeptBeforeIsNotFresh() {
        planCycle();
        EventEnvelope latest = checkIn(UUID.randomUUID(), WEEK_2, "11", Instant.now());
        apply(latest);

        KeyResultChange backdated =
                only(apply(checkIn(UUID.randomUUID(), WEEK_2.minusSeconds(60), "12", Instant.now())));
        assertThat(backdated.fresh()).isTrue();
        assertThat(backdated.after()).isEqualTo(backdated.before());
        assertThat(backdated.paceMoves()).isEmpty();

        KeyResultChange replayed = only(apply(latest));
        assertThat(replayed.fresh()).isFalse();
        assertThat(replayed.paceMoves()).isEmpty();
    }

    @Test
    void aMeasurementHoldsTheValueOnlyWhenLaterThanEveryValueAndACheckInAtItsMomentTakesItBack() {
        planCycle();
        UUID measured = UUID.randomUUID();
        KeyResultChange first = only(apply(feed.envelope(
                "KeyResult",
                kr,
                new MeasurementRecorded(kr, objective, measured, new BigDecimal("12"), WEEK_2, "helpdesk-export"),
                Instant.now())));
        assertThat(first.fresh()).isTrue();
        assertThat(first.paceMoves()).singleElement().satisfies(move -> {
            assertThat(move.reading())
                    .isEqualTo(new Reading(measured, true, new BigDecimal("12"), WEEK_2, "helpdesk-export"));
            assertThat(move.behind()).isTrue();
        });

        KeyResultChange notLater = only(apply(feed.envelope(
                "KeyResult",
                kr,
                new MeasurementRecorded(
                        kr, objective, UUID.randomUUID(), new BigDecimal("4"), WEEK_2, "helpdesk-export"),
                Instant.now())));
        assertThat(notLater.fresh()).isFalse();
        assertThat(notLater.paceMoves()).isEmpty();

        UUID sameMoment = UUID.randomUUID();
        KeyResultChange person = only(apply(checkIn(sameMoment, WEEK_2, "11", Instant.now())));
        assertThat(person.paceMoves())
                .singleElement()
                .satisfies(move -> assertThat(move.reading().id()).isEqualTo(sameMoment));
        assertThat(person.after().behindPace()).isFalse();
    }

    @Test
    void aTargetChangeJudgesTheLatestValueAgainAgainstTheNewTarget() {
        planCycle();
        UUID id = UUID.randomUUID();
        apply(checkIn(id, WEEK_2, "11.5", Instant.now())); // 0.0625 >= 0.048: on pace
        Instant changedAt = Instant.now();
        KeyResultChange change = only(apply(feed.envelope(
                "KeyResult",
                kr,
                new KeyResultTargetChanged(kr, objective, new BigDecimal("4"), new BigDecimal("0"), "Re-planned"),
                changedAt))); // 0.5 / 12 = 0.042: behind

        assertThat(change.before().target()).isEqualByComparingTo("4");
        assertThat(change.after().target()).isEqualByComparingTo("0");
        assertThat(change.paceMoves()).singleElement().satisfies(move -> {
            assertThat(move.reading().id()).isEqualTo(id);
            assertThat(move.behind()).isTrue();
            assertThat(move.at()).isEqualTo(changedAt);
        });
    }

    @Test
    void aCycleArrivingLateJudgesTheWaitingCheckInsInTheOrderTheyArrivedOnce() {
        UUID behind = UUID.randomUUID();
        UUID recovered = UUID.randomUUID();
        Instant firstArrival = WEEK_2.plusSeconds(5);
        Instant secondArrival = WEEK_2.plus(Duration.ofDays(7)).plusSeconds(5);
        assertThat(only(apply(checkIn(behind, WEEK_2, "12", firstArrival))).paceMoves())
                .isEmpty();
        assertThat(only(apply(checkIn(recovered, WEEK_2.plus(Duration.ofDays(7)), "9", secondArrival)))
                        .paceMoves())
                .isEmpty();

        KeyResultChange change = only(planCycle());
        assertThat(change.paceMoves())
                .extracting(move -> move.reading().id(), PaceMove::behind, PaceMove::at)
                .containsExactly(tuple(behind, true, firstArrival), tuple(recovered, false, secondArrival));
        assertThat(change.after().behindPace()).isFalse();

        assertThat(planCycle().keyResults()).isEmpty(); // a replayed cycle judges nothing again
    }
}
