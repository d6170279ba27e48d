package dev.okrledger.notifier;

import com.sun.net.httpserver.HttpServer;
import dev.okrledger.contract.event.Checkpoint;
import dev.okrledger.contract.event.EventEnvelope;
import dev.okrledger.embedded.SharedTestInfrastructure;
import dev.okrledger.intake.EventIntake;
import dev.okrledger.notifier.support.EventFeed;
import dev.okrledger.notifier.support.TestClock;
import dev.okrledger.security.Role;
import dev.okrledger.security.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The notifier on real PostgreSQL and Kafka, fed envelopes directly through its intake: alert
 * lifecycle, exactly-once under redelivery and replay, the scan at a controlled clock, webhooks.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.config.name=notifier",
            "okr.webhooks.poll-interval=PT0.05S",
            "okr.webhooks.initial-backoff=PT0.05S",
            "okr.webhooks.max-attempts=3"
        })
class NotifierAlertingTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        // resolved once: the suppliers are asked again and again
        String database = SharedTestInfrastructure.freshDatabase("notifier_it");
        String events = SharedTestInfrastructure.freshTopic("okr.events", 1);
        String alerts = SharedTestInfrastructure.uniqueTopicName("okr.alerts");
        registry.add("spring.datasource.url", () -> database);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add(
                "spring.kafka.bootstrap-servers",
                () -> SharedTestInfrastructure.kafka().bootstrapServers());
        registry.add("okr.kafka.events-topic", () -> events);
        registry.add("okr.kafka.alerts-topic", () -> alerts);
        registry.add("spring.security.oauth2.resourceserver.jwt.public-key-location", TestTokens::publicKeyLocation);
    }

    @TestConfiguration
    static class Clocks {
        @Bean
        @Primary
        TestClock testClock() {
            return new TestClock();
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    EventIntake intake;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestClock clock;

    private final EventFeed feed = new EventFeed();
    private final UUID cycle = UUID.randomUUID();
    private final UUID objective = UUID.randomUUID();
    private final UUID kr = UUID.randomUUID();
    private final String team = "team-" + UUID.randomUUID();
    // 91 days, 8 weeks ago: week N's check-in is effective at noon of day 7N-1
    private final LocalDate startsOn = LocalDate.now(ZoneOffset.UTC).minusWeeks(8);
    private final List<EventEnvelope> sent = new ArrayList<>();
    private HttpServer receiver;

    @AfterEach
    void stopReceiver() {
        clock.unfreeze();
        if (receiver != null) {
            receiver.stop(0);
        }
    }

    @BeforeEach
    void keyResultInAnActiveCycle() {
        feed(
                feed.cyclePlanned(cycle, startsOn, startsOn.plusWeeks(13)),
                feed.cycleActivated(cycle),
                feed.objective(objective, cycle, team),
                feed.keyResult(kr, objective, cycle, "12", "4"));
    }

    private void feed(EventEnvelope... envelopes) {
        for (EventEnvelope envelope : envelopes) {
            intake.accept(envelope);
            sent.add(envelope);
        }
    }

    private Instant week(int n) {
        return startsOn.plusDays(7L * n - 1).atTime(12, 0).toInstant(ZoneOffset.UTC);
    }

    private UUID checkIn(int week, String value, int confidence, String decision) {
        UUID id = UUID.randomUUID();
        feed(feed.checkIn(kr, objective, id, week(week), value, confidence, decision));
        return id;
    }

    private JsonNode alerts(String query) {
        return get("/api/alerts?" + query).body();
    }

    @Test
    void checkInsRaiseAndRecoverEachKindOnce() {
        checkIn(1, "12", 8, null); // on pace at week 1
        UUID drop = checkIn(2, "12", 3, null); // 8 -> 3 red, no decision, behind pace (0 < 0.15 - 0.1)
        JsonNode open = alerts("keyResultId=" + kr + "&status=open");
        assertThat(open)
                .extracting(a -> a.get("kind").asString())
                .containsExactlyInAnyOrder("CONFIDENCE_DROP", "RED_WITHOUT_DECISION", "BEHIND_PACE");
        assertThat(open).allSatisfy(a -> {
            assertThat(a.get("checkInId").asString()).isEqualTo(drop.toString());
            assertThat(a.get("team").asString()).isEqualTo(team);
            assertThat(a.get("cycleId").asString()).isEqualTo(cycle.toString());
        });

        checkIn(3, "11", 3, "Hire a contractor"); // still red, but decided; still behind (0.125 < 0.125)
        assertThat(alerts("keyResultId=" + kr + "&status=resolved"))
                .extracting(a -> a.get("kind").asString())
                .containsExactly("RED_WITHOUT_DECISION");
        checkIn(4, "9", 7, null); // green again and back on pace (0.375 >= 0.302 - 0.1)
        assertThat(alerts("keyResultId=" + kr + "&status=open")).isEmpty();
        JsonNode all = alerts("keyResultId=" + kr);
        assertThat(all).hasSize(3);
        assertThat(all).allSatisfy(a -> assertThat(a.get("resolvedAt").isNull()).isFalse());
        assertThat(alerts("team=" + team + "&severity=red")).hasSize(2);
        assertThat(alerts("cycleId=" + cycle + "&severity=AMBER"))
                .extracting(a -> a.get("kind").asString())
                .containsExactly("BEHIND_PACE");
    }

    @Test
    void measurementsAreJudgedForPaceInEffectiveOrderAndRaiseNothingElse() {
        checkIn(1, "12", 8, null); // on pace at week 1
        UUID behind = UUID.randomUUID();
        feed(feed.measurement(kr, objective, behind, week(2), "12")); // 0 < 0.15 - 0.1: behind, measured
        JsonNode open = alerts("keyResultId=" + kr + "&status=open");
        assertThat(open).hasSize(1);
        assertThat(open.get(0).get("kind").asString()).isEqualTo("BEHIND_PACE");
        assertThat(open.get(0).get("checkInId").asString()).isEqualTo(behind.toString());
        assertThat(open.get(0).get("detail").asString())
                .endsWith("; measured: measurement " + behind + " from helpdesk-export");

        // a late check-in effective before the measurement is not the current value: not judged
        feed(feed.checkIn(kr, objective, UUID.randomUUID(), week(2).minusSeconds(3600), "9", 8, null));
        assertThat(alerts("keyResultId=" + kr + "&status=open")).hasSize(1);

        UUID onPace = UUID.randomUUID();
        feed(feed.measurement(kr, objective, onPace, week(4), "9")); // 0.375 >= 0.302 - 0.1: back on pace
        assertThat(alerts("keyResultId=" + kr + "&status=open")).isEmpty();
        JsonNode all = alerts("keyResultId=" + kr);
        assertThat(all).hasSize(1);
        assertThat(all.get(0).get("resolvedBy").asString()).isEqualTo("measurement:" + onPace);

        // an older measurement arriving late changes nothing
        feed(feed.measurement(kr, objective, UUID.randomUUID(), week(3), "12"));
        assertThat(alerts("keyResultId=" + kr + "&status=open")).isEmpty();
    }

    @Test
    void redeliveryAndReplayRaiseAndSendNothingTwice() {
        receiver = receiver(0, Collections.synchronizedList(new ArrayList<>()));
        subscribe("{\"url\":\"%s\",\"team\":\"%s\"}".formatted(receiverUrl(), team));
        checkIn(1, "12", 8, null);
        checkIn(2, "12", 4, null);
        checkIn(3, "12", 7, null);
        JsonNode before = alerts("keyResultId=" + kr);
        String ours =
                "webhook_delivery where alert_id in (select alert_id from alert where key_result_id = '" + kr + "')";
        long deliveries = count(ours);
        assertThat(before).hasSize(2); // CONFIDENCE_DROP (resolved at week 3) and BEHIND_PACE (open)

        List<EventEnvelope> history = List.copyOf(sent);
        history.forEach(intake::accept); // redelivery
        jdbc.sql("delete from applied_position").update(); // a consumer reset ...
        history.forEach(intake::accept); // ... and a full replay

        assertThat(alerts("keyResultId=" + kr)).isEqualTo(before);
        assertThat(count("alert where key_result_id = '" + kr + "'")).isEqualTo(2);
        assertThat(count(ours)).isEqualTo(deliveries).isEqualTo(3); // 2 raised + 1 resolved
    }

    @Test
    void aCycleArrivingAfterItsCheckInsStillGetsPaceEvaluated() {
        UUID lateCycle = UUID.randomUUID();
        UUID lateKr = UUID.randomUUID();
        feed(feed.objective(objective, lateCycle, team), feed.keyResult(lateKr, objective, lateCycle, "0", "10"));
        UUID behind = UUID.randomUUID();
        feed(feed.checkIn(lateKr, objective, behind, week(3), "0", 7, null));
        assertThat(alerts("keyResultId=" + lateKr)).isEmpty();

        feed(feed.cyclePlanned(lateCycle, startsOn, startsOn.plusWeeks(13)));
        JsonNode alerts = alerts("keyResultId=" + lateKr);
        assertThat(alerts).hasSize(1);
        assertThat(alerts.get(0).get("kind").asString()).isEqualTo("BEHIND_PACE");
        assertThat(alerts.get(0).get("checkInId").asString()).isEqualTo(behind.toString());
    }

    @Test
    void aTargetChangeJudgesTheLatestCheckInAgainAndLaterCheckInsUseTheNewTarget() {
        UUID sixth = checkIn(6, "9", 8, null); // 0.375 >= 0.456 - 0.1: on pace (docs/domain.md)
        assertThat(alerts("keyResultId=" + kr)).isEmpty();

        feed(feed.targetChanged(kr, objective, "4", "2")); // (12 - 9) / (12 - 2) = 0.3 < 0.356: behind
        JsonNode open = alerts("keyResultId=" + kr + "&status=open");
        assertThat(open).hasSize(1);
        assertThat(open.get(0).get("kind").asString()).isEqualTo("BEHIND_PACE");
        assertThat(open.get(0).get("checkInId").asString()).isEqualTo(sixth.toString());

        feed(feed.targetChanged(kr, objective, "2", "4")); // back to 0.375: on pace again
        assertThat(alerts("keyResultId=" + kr + "&status=open")).isEmpty();
        assertThat(alerts("keyResultId=" + kr).get(0).get("resolvedBy").asString())
                .isEqualTo("target-changed");

        feed(feed.targetChanged(kr, objective, "4", "8")); // 3 / 4 = 0.75: far ahead
        UUID seventh = checkIn(7, "9", 8, null); // 0.75 >= 0.533 - 0.1: the new target counts
        assertThat(alerts("keyResultId=" + kr + "&status=open")).isEmpty();
        feed(feed.targetChanged(kr, objective, "8", "2")); // 0.3 < 0.433: behind, named after week 7
        assertThat(alerts("keyResultId=" + kr + "&status=open"))
                .singleElement()
                .satisfies(a -> assertThat(a.get("checkInId").asString()).isEqualTo(seventh.toString()));
    }

    @Test
    void aTargetChangeJudgesTheLatestValueAgainWhenAMeasurementHoldsIt() {
        checkIn(5, "9", 8, null); // 0.375 >= 0.379 - 0.1: on pace
        UUID measured = UUID.randomUUID();
        feed(feed.measurement(kr, objective, measured, week(6), "9")); // 0.375 >= 0.456 - 0.1: on pace
        assertThat(alerts("keyResultId=" + kr)).isEmpty();

        // (12 - 9) / (12 - 2) = 0.3: behind at week 6 (0.356), though not at the check-in's week 5 (0.279)
        feed(feed.targetChanged(kr, objective, "4", "2"));
        JsonNode open = alerts("keyResultId=" + kr + "&status=open");
        assertThat(open).singleElement().satisfies(a -> {
            assertThat(a.get("kind").asString()).isEqualTo("BEHIND_PACE");
            assertThat(a.get("checkInId").asString()).isEqualTo(measured.toString());
            assertThat(a.get("detail").asString())
                    .endsWith("; measured: measurement " + measured + " from helpdesk-export");
        });
        feed(feed.targetChanged(kr, objective, "4", "2")); // the same target again: still behind, raised once only
        assertThat(alerts("keyResultId=" + kr)).hasSize(1);

        feed(feed.targetChanged(kr, objective, "2", "4")); // back to 0.375: on pace again
        assertThat(alerts("keyResultId=" + kr + "&status=open")).isEmpty();
        assertThat(alerts("keyResultId=" + kr).get(0).get("resolvedBy").asString())
                .isEqualTo("target-changed");

        // a later check-in takes the value over: the next target change judges it, not the measurement
        UUID seventh = checkIn(7, "9", 8, null);
        feed(feed.targetChanged(kr, objective, "4", "2")); // 0.3 < 0.533 - 0.1: behind, named after week 7
        assertThat(alerts("keyResultId=" + kr + "&status=open"))
                .singleElement()
                .satisfies(a -> assertThat(a.get("checkInId").asString()).isEqualTo(seventh.toString()));
    }

    @Test
    void aCheckInAtTheMomentOfTheLatestMeasurementHoldsTheValueAndIsJudged() {
        UUID measured = UUID.randomUUID();
        feed(feed.measurement(kr, objective, measured, week(2), "12")); // 0 < 0.15 - 0.1: behind, measured
        assertThat(alerts("keyResultId=" + kr + "&status=open"))
                .singleElement()
                .satisfies(a -> assertThat(a.get("checkInId").asString()).isEqualTo(measured.toString()));

        UUID sameMoment = UUID.randomUUID();
        feed(feed.checkIn(kr, objective, sameMoment, week(2), "9", 8, null)); // a person's word wins the tie
        assertThat(alerts("keyResultId=" + kr + "&status=open")).isEmpty();
        assertThat(alerts("keyResultId=" + kr).get(0).get("resolvedBy").asString())
                .isEqualTo("check-in:" + sameMoment);

        feed(feed.measurement(kr, objective, UUID.randomUUID(), week(2), "12")); // and keeps it
        assertThat(alerts("keyResultId=" + kr + "&status=open")).isEmpty();
    }

    @Test
    void ofTwoCheckInsAtOneMomentTheOneRecordedLaterHoldsTheValueAndIsJudged() {
        UUID first = checkIn(2, "12", 8, null); // 0 < 0.15 - 0.1: behind
        assertThat(alerts("keyResultId=" + kr + "&status=open"))
                .singleElement()
                .satisfies(a -> assertThat(a.get("checkInId").asString()).isEqualTo(first.toString()));

        UUID corrected = checkIn(2, "9", 8, null); // the same moment, recorded later: 0.375, on pace
        assertThat(alerts("keyResultId=" + kr + "&status=open")).isEmpty();
        assertThat(alerts("keyResultId=" + kr).get(0).get("resolvedBy").asString())
                .isEqualTo("check-in:" + corrected);
    }

    @Test
    void aCycleArrivingAfterItsMeasurementsJudgesTheValueAMeasurementHolds() {
        UUID lateCycle = UUID.randomUUID();
        UUID lateKr = UUID.randomUUID();
        feed(feed.objective(objective, lateCycle, team), feed.keyResult(lateKr, objective, lateCycle, "0", "10"));
        feed(feed.checkIn(lateKr, objective, UUID.randomUUID(), week(2), "10", 7, null)); // on target
        UUID measured = UUID.randomUUID();
        feed(feed.measurement(lateKr, objective, measured, week(3), "0"));
        assertThat(alerts("keyResultId=" + lateKr)).isEmpty();

        feed(feed.cyclePlanned(lateCycle, startsOn, startsOn.plusWeeks(13)));
        assertThat(alerts("keyResultId=" + lateKr)).singleElement().satisfies(a -> {
            assertThat(a.get("kind").asString()).isEqualTo("BEHIND_PACE");
            assertThat(a.get("checkInId").asString()).isEqualTo(measured.toString());
        });
    }

    @Test
    void aTargetChangeBeforeAnyCheckInRaisesNothing() {
        feed(feed.targetChanged(kr, objective, "4", "0"));
        assertThat(alerts("keyResultId=" + kr)).isEmpty();
        checkIn(6, "9", 8, null); // 3 / 12 = 0.25 < 0.356: behind, on the new target
        assertThat(alerts("keyResultId=" + kr + "&status=open"))
                .extracting(a -> a.get("kind").asString())
                .containsExactly("BEHIND_PACE");
    }

    @Test
    void theNewOwnerOfAKeyResultMayManageItsWebhooks() {
        String body = "{\"url\":\"https://example.com/hook\",\"keyResultId\":\"%s\"}".formatted(kr);
        String carla = TestTokens.bearer("carla", Set.of("other-team"), Set.of(Role.MEMBER));
        HttpResponse<String> before = send(HttpRequest.newBuilder(uri("/api/webhooks"))
                .header("Content-Type", "application/json")
                .header("Authorization", carla)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(before.statusCode()).isEqualTo(403);

        feed(feed.ownerChanged(kr, objective, "support-lead", "carla"));
        HttpResponse<String> after = send(HttpRequest.newBuilder(uri("/api/webhooks"))
                .header("Content-Type", "application/json")
                .header("Authorization", carla)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(after.statusCode()).isEqualTo(201);
    }

    @Test
    void droppingAKeyResultResolvesItsAlertsAndNothingIsRaisedForItAfterwards() {
        checkIn(1, "12", 8, null);
        checkIn(2, "12", 3, null); // drop, red without decision, behind pace
        assertThat(alerts("keyResultId=" + kr + "&status=open")).hasSize(3);

        feed(feed.dropped(kr, objective));
        JsonNode all = alerts("keyResultId=" + kr);
        assertThat(all).hasSize(3).allSatisfy(a -> {
            assertThat(a.get("status").asString()).isEqualTo("RESOLVED");
            assertThat(a.get("resolvedBy").asString()).isEqualTo("key-result-dropped");
        });

        checkIn(3, "12", 0, null); // would be red without decision; ignored
        feed(feed.targetChanged(kr, objective, "4", "0")); // would re-judge pace; ignored
        clock.freezeAt(week(2).plus(Duration.ofDays(30)));
        post("/api/alerts/scan", ""); // long silent, but not pursued any more
        assertThat(alerts("keyResultId=" + kr)).hasSize(3);
        assertThat(alerts("keyResultId=" + kr + "&status=open")).isEmpty();
    }

    @Test
    void retiringAnObjectiveResolvesTheAlertsOfAllItsKeyResultsAndTheScanSkipsThem() {
        UUID other = UUID.randomUUID();
        feed(feed.keyResult(other, objective, cycle, "0", "10"));
        checkIn(1, "12", 8, null);
        checkIn(2, "12", 5, "Hire"); // a drop
        feed(feed.checkIn(other, objective, UUID.randomUUID(), week(2), "0", 2, null)); // red, no decision
        assertThat(alerts("keyResultId=" + kr + "&status=open")).isNotEmpty();
        assertThat(alerts("keyResultId=" + other + "&status=open")).isNotEmpty();

        feed(feed.retired(objective));
        for (UUID each : List.of(kr, other)) {
            assertThat(alerts("keyResultId=" + each)).allSatisfy(a -> {
                assertThat(a.get("status").asString()).isEqualTo("RESOLVED");
                assertThat(a.get("resolvedBy").asString()).isEqualTo("objective-retired");
            });
        }
        clock.freezeAt(week(2).plus(Duration.ofDays(30)));
        post("/api/alerts/scan", "");
        assertThat(alerts("keyResultId=" + kr + "&status=open")).isEmpty();
        assertThat(alerts("keyResultId=" + other + "&status=open")).isEmpty();
    }

    @Test
    void aKeyResultWithCheckpointsIsPacedAlongItsPlan() {
        UUID planned = UUID.randomUUID();
        feed(feed.keyResult(
                planned,
                objective,
                cycle,
                "0",
                "100",
                List.of(
                        new Checkpoint(startsOn.plusDays(56), new BigDecimal("20")),
                        new Checkpoint(startsOn.plusDays(28), new BigDecimal("10")))));
        // week 6 (day 41.5): planned 14.8, so 6 (0.06) is within tolerance; linearly (0.456) it would be behind
        feed(feed.checkIn(planned, objective, UUID.randomUUID(), week(6), "6", 8, null));
        assertThat(alerts("keyResultId=" + planned)).isEmpty();
        // week 8 (day 55.5): planned 19.8, so 6 is behind (0.06 < 0.198 - 0.1)
        UUID behind = UUID.randomUUID();
        feed(feed.checkIn(planned, objective, behind, week(8), "6", 8, null));
        assertThat(alerts("keyResultId=" + planned)).singleElement().satisfies(a -> {
            assertThat(a.get("kind").asString()).isEqualTo("BEHIND_PACE");
            assertThat(a.get("checkInId").asString()).isEqualTo(behind.toString());
            assertThat(a.get("detail").asString()).contains("planned checkpoints");
        });
    }

    @Test
    void theScanRaisesAMissedCheckInOneSecondAfterCadencePlusGraceOnceAndANewCheckInResolvesIt() {
        UUID last = checkIn(4, "9", 7, null);
        Instant deadline = week(4).plus(Duration.ofDays(9));
        clock.freezeAt(deadline);
        assertThat(post("/api/alerts/scan", "").status()).isEqualTo(200);
        assertThat(alerts("keyResultId=" + kr)).isEmpty();
        clock.freezeAt(deadline.plusSeconds(1));
        post("/api/alerts/scan", "");
        assertThat(alerts("keyResultId=" + kr)).hasSize(1);
        assertThat(post("/api/alerts/scan", "").body().get("raised").asInt()).isZero();
        assertThat(alerts("keyResultId=" + kr)).hasSize(1);
        JsonNode missed = alerts("keyResultId=" + kr + "&status=open").get(0);
        assertThat(missed.get("kind").asString()).isEqualTo("MISSED_CHECK_IN");
        assertThat(missed.get("checkInId").asString()).isEqualTo(last.toString());

        checkIn(5, "8.5", 7, null);
        assertThat(get("/api/alerts/" + missed.get("id").asString())
                        .body()
                        .get("status")
                        .asString())
                .isEqualTo("RESOLVED");
    }

    @Test
    void onlyTheOwningTeamAcknowledgesAndOnlyLeadsScan() {
        checkIn(1, "12", 8, null);
        checkIn(2, "12", 5, null);
        String id =
                alerts("keyResultId=" + kr + "&status=open").get(0).get("id").asString();
        HttpResponse<String> stranger = send(HttpRequest.newBuilder(uri("/api/alerts/" + id + "/acknowledge"))
                .header("Authorization", TestTokens.bearer("bob", Set.of("other-team"), Set.of(Role.MEMBER)))
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(stranger.statusCode()).isEqualTo(403);
        assertThat(read(stranger.body()).get("rule").asString()).isEqualTo("alert-belongs-to-its-team");
        HttpResponse<String> memberScan = send(HttpRequest.newBuilder(uri("/api/alerts/scan"))
                .header("Authorization", TestTokens.bearer("ana", Set.of(team), Set.of(Role.MEMBER)))
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(memberScan.statusCode()).isEqualTo(403);
        HttpResponse<String> anonymous = send(HttpRequest.newBuilder(uri("/api/alerts"))
                .header("Authorization", "none")
                .GET());
        assertThat(anonymous.statusCode()).isEqualTo(401);
    }

    @Test
    void acknowledgeAndResolveByHand() {
        checkIn(1, "12", 8, null);
        checkIn(2, "12", 5, null);
        String id =
                alerts("keyResultId=" + kr + "&status=open").get(0).get("id").asString();
        HttpResponse<String> ack = send(HttpRequest.newBuilder(uri("/api/alerts/" + id + "/acknowledge"))
                .header("Authorization", TestTokens.bearer("ana", Set.of(team), Set.of(Role.MEMBER)))
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(ack.statusCode()).isEqualTo(200);
        assertThat(read(ack.body()).get("status").asString()).isEqualTo("ACKNOWLEDGED");
        assertThat(read(ack.body()).get("acknowledgedBy").asString()).isEqualTo("ana");
        assertThat(alerts("keyResultId=" + kr + "&status=acknowledged")).hasSize(1);
        assertThat(alerts("keyResultId=" + kr + "&status=open")).hasSize(2); // acknowledged is still open

        assertThat(post("/api/alerts/" + id + "/resolve", "")
                        .body()
                        .get("status")
                        .asString())
                .isEqualTo("RESOLVED");
        assertThat(post("/api/alerts/" + id + "/resolve", "").status()).isEqualTo(200);
        Answer late = post("/api/alerts/" + id + "/acknowledge", "");
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.body().get("rule").asString()).isEqualTo("alert-already-resolved");
    }

    @Test
    void aReceiverThatFailsTwiceThenSucceedsGetsTheAlertOnce() {
        List<String> received = Collections.synchronizedList(new ArrayList<>());
        receiver = receiver(2, received);
        Answer subscribed =
                subscribe("{\"url\":\"%s\",\"keyResultId\":\"%s\",\"format\":\"TEXT\"}".formatted(receiverUrl(), kr));
        assertThat(subscribed.status()).isEqualTo(201);

        checkIn(1, "12", 8, null);
        checkIn(2, "11", 4, "Pause clean-up"); // a drop; on pace (0.125 >= 0.148 - 0.1)
        String alertId = alerts("keyResultId=" + kr).get(0).get("id").asString();

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(received).hasSize(1));
        assertThat(JSON.readTree(received.get(0)).get("text").asString())
                .contains("[AMBER] CONFIDENCE_DROP raised", "Reduce first response", alertId);
        JsonNode deliveries = get("/api/webhooks/deliveries?alertId=" + alertId).body();
        assertThat(deliveries).hasSize(1);
        assertThat(deliveries.get(0).get("status").asString()).isEqualTo("DELIVERED");
        assertThat(deliveries.get(0).get("attempts").asInt()).isEqualTo(3);
        await().during(Duration.ofMillis(500))
                .atMost(Duration.ofSeconds(2))
                .untilAsserted(() -> assertThat(received).hasSize(1));
    }

    @Test
    void aDeliveryThatKeepsFailingIsDeadLetteredAndCanBeRetried() {
        List<String> received = Collections.synchronizedList(new ArrayList<>());
        receiver = receiver(3, received); // max-attempts is 3
        subscribe("{\"url\":\"%s\",\"keyResultId\":\"%s\"}".formatted(receiverUrl(), kr));
        checkIn(1, "12", 8, null);
        checkIn(2, "11", 4, "Pause clean-up");
        String alertId = alerts("keyResultId=" + kr).get(0).get("id").asString();

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(
                                get("/api/webhooks/dead-letters").body())
                        .anySatisfy(d -> assertThat(d.get("alertId").asString()).isEqualTo(alertId)));
        assertThat(received).isEmpty();
        long deadId = 0;
        for (JsonNode d : get("/api/webhooks/dead-letters").body()) {
            if (d.get("alertId").asString().equals(alertId)) {
                deadId = d.get("id").asLong();
                assertThat(d.get("lastError").asString()).isEqualTo("HTTP 500");
            }
        }
        assertThat(post("/api/webhooks/dead-letters/" + deadId + "/retry", "").status())
                .isEqualTo(202);
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(received).hasSize(1));
        JsonNode body = JSON.readTree(received.get(0));
        assertThat(body.get("schema").asString()).isEqualTo("okr.alerts/v1");
        assertThat(body.get("change").asString()).isEqualTo("RAISED");
        assertThat(body.get("alert").get("id").asString()).isEqualTo(alertId);
        assertThat(post("/api/webhooks/dead-letters/" + deadId + "/retry", "").status())
                .isEqualTo(409);
    }

    @Test
    void badInputIsAProblemNamingTheRuleAndTheField() {
        assertProblem(get("/api/alerts/" + UUID.randomUUID()), 404, "unknown-alert", null);
        assertProblem(post("/api/alerts/" + UUID.randomUUID() + "/acknowledge", ""), 404, "unknown-alert", null);
        assertProblem(get("/api/alerts/not-a-uuid"), 400, "invalid-field", "id");
        assertProblem(get("/api/alerts?keyResultId=nope"), 400, "invalid-field", "keyResultId");
        assertProblem(get("/api/alerts?status=sleeping"), 400, "invalid-field", "status");
        assertProblem(get("/api/alerts?severity=PURPLE"), 400, "invalid-field", "severity");
        assertProblem(subscribe("{\"url\":\"ftp://example.com/x\",\"team\":\"a\"}"), 422, "webhook-url-http", "url");
        assertProblem(subscribe("{\"url\":\"not a url\",\"team\":\"a\"}"), 422, "webhook-url-http", "url");
        assertProblem(subscribe("{\"team\":\"a\"}"), 400, "invalid-field", "url");
        assertProblem(subscribe("{\"url\":\"https://example.com/x\"}"), 422, "subscription-scope", "team");
        assertProblem(
                subscribe("{\"url\":\"https://example.com/x\",\"team\":\"a\",\"format\":\"XML\"}"),
                400,
                "unreadable-field",
                "format");
        assertProblem(subscribe("{\"url\":"), 400, "malformed-json", null);
        assertProblem(
                send(HttpRequest.newBuilder(uri("/api/webhooks/" + UUID.randomUUID()))
                        .DELETE()),
                404,
                "unknown-webhook",
                null);
        assertProblem(post("/api/webhooks/dead-letters/999999/retry", ""), 404, "unknown-dead-letter", null);
    }

    // --- helpers

    record Answer(int status, JsonNode body) {}

    private void assertProblem(Answer answer, int status, String rule, String field) {
        assertThat(answer.status()).as("%s", answer.body()).isEqualTo(status);
        assertThat(answer.body().get("type").asString()).isEqualTo("urn:okr-ledger:problem:" + rule);
        assertThat(answer.body().get("rule").asString()).isEqualTo(rule);
        if (field != null) {
            assertThat(answer.body().get("field").asString()).isEqualTo(field);
        }
    }

    private void assertProblem(HttpResponse<String> response, int status, String rule, String field) {
        assertProblem(new Answer(response.statusCode(), read(response.body())), status, rule, field);
    }

    private long count(String tableAndWhere) {
        return jdbc.sql("select count(*) from " + tableAndWhere)
                .query(Long.class)
                .single();
    }

    private Answer subscribe(String json) {
        return post("/api/webhooks", json);
    }

    /** A receiver on a random loopback port that answers 500 to the first {@code failures} requests. */
    private static HttpServer receiver(int failures, List<String> received) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            AtomicInteger calls = new AtomicInteger();
            server.createContext("/hook", exchange -> {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                boolean fail = calls.incrementAndGet() <= failures;
                if (!fail) {
                    received.add(body);
                }
                exchange.sendResponseHeaders(fail ? 500 : 204, -1);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private String receiverUrl() {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private Answer get(String path) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri(path)).GET());
        return new Answer(response.statusCode(), read(response.body()));
    }

    private Answer post(String path, String json) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
        return new Answer(response.statusCode(), read(response.body()));
    }

    /** Signed in as an admin unless the request names its own Authorization. */
    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            if (request.copy().build().headers().firstValue("Authorization").isEmpty()) {
                request.header("Authorization", TestTokens.admin());
            }
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode read(String body) {
        return body == null || body.isBlank() ? null : JSON.readTree(body);
    }
}
