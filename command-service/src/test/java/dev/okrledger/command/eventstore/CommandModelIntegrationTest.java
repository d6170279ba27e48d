package dev.okrledger.command.eventstore;

import com.zaxxer.hikari.HikariDataSource;
import dev.okrledger.command.CommandServiceApplication;
import dev.okrledger.command.support.RunningCommandService;
import dev.okrledger.contract.event.CheckInRecorded;
import dev.okrledger.contract.event.KeyResultDefined;
import dev.okrledger.contract.event.KeyResultKind;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import tools.jackson.databind.JsonNode;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Upcasting of stored events, snapshots, concurrent check-ins and grading at close, on real PostgreSQL. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=command-service", "okr.snapshots.key-result-every=3"})
class CommandModelIntegrationTest extends RunningCommandService {

    @Autowired
    EventStore eventStore;

    @Autowired
    Environment environment;

    @Autowired
    DataSource dataSource;

    @Autowired
    org.axonframework.config.Configuration axon;

    @Autowired
    @Qualifier("eventSerializer")
    Serializer eventSerializer;

    @Autowired
    @Qualifier("keyResultCache")
    Cache keyResultCache;

    @Test
    void revisionOneEventsStoredLongAgoAreReadInTheCurrentShape() {
        UUID objective = objectiveIn(activeCycle());
        UUID kr = UUID.randomUUID();
        UUID checkIn = UUID.randomUUID();
        // exactly what the first release wrote: no kind/measurement/milestones/checkpoints, no milestonesDone
        storeRevisionOne(kr, 0, KeyResultDefined.class, """
                {"keyResultId":"%s","objectiveId":"%s","cycleId":"%s","title":"Old KR","unit":"h","baseline":12,
                 "target":4,"indicator":"LEADING","owner":"old-owner"}""".formatted(kr, objective, UUID.randomUUID()));
        storeRevisionOne(kr, 1, CheckInRecorded.class, """
                {"keyResultId":"%s","objectiveId":"%s","checkInId":"%s","effectiveAt":"2026-01-05T12:00:00Z",
                 "value":10,"confidence":7,"note":"first","blockers":null,"decision":null}""".formatted(kr, objective, checkIn));

        List<? extends DomainEventMessage<?>> events =
                eventStore.readEvents(kr.toString()).asStream().toList();
        KeyResultDefined defined = (KeyResultDefined) events.get(0).getPayload();
        CheckInRecorded recorded = (CheckInRecorded) events.get(1).getPayload();
        assertThat(defined.kind()).isEqualTo(KeyResultKind.METRIC);
        assertThat(defined.milestones()).isEmpty();
        assertThat(defined.checkpoints()).isEmpty();
        assertThat(defined.measurement()).isNull();
        assertThat(defined.target()).isEqualByComparingTo("4");
        assertThat(recorded.milestonesDone()).isEmpty();
        assertThat(recorded.value()).isEqualByComparingTo(new BigDecimal("10"));
    }

    @Test
    void theConfiguredUpcasterChainLiftsRevisionOneJson() {
        byte[] stored = """
                {"keyResultId":"%s","objectiveId":"%s","checkInId":"%s","effectiveAt":"2026-01-05T12:00:00Z",
                 "value":10,"confidence":7,"note":null,"blockers":null,"decision":null}""".formatted(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID())
                .getBytes(StandardCharsets.UTF_8);
        GenericDomainEventEntry<byte[]> entry = new GenericDomainEventEntry<>(
                "KeyResult",
                "kr",
                1,
                UUID.randomUUID().toString(),
                Instant.now(),
                CheckInRecorded.class.getName(),
                "1",
                stored,
                "{}".getBytes(StandardCharsets.UTF_8));
        IntermediateEventRepresentation upcast = axon.upcasterChain()
                .upcast(Stream.of(new InitialEventRepresentation(entry, eventSerializer)))
                .findFirst()
                .orElseThrow();
        assertThat(upcast.getType().getRevision()).isEqualTo("2");
        JsonNode json = upcast.getData(JsonNode.class).getData();
        assertThat(json.get("milestonesDone").isArray()).isTrue();
        assertThat(json.get("confidence").asInt()).isEqualTo(7);
    }

    private void storeRevisionOne(UUID aggregate, long sequence, Class<?> type, String json) {
        jdbc.sql("""
                        insert into domainevententry(eventidentifier, aggregateidentifier, sequencenumber, type,
                                                     timestamp, payloadtype, payloadrevision, payload, metadata)
                        values (?, ?, ?, 'KeyResult', ?, ?, '1', convert_to(?, 'UTF8'), convert_to('{}', 'UTF8'))""")
                .params(
                        UUID.randomUUID().toString(),
                        aggregate.toString(),
                        sequence,
                        Instant.now().toString(),
                        type.getName(),
                        json)
                .update();
    }

    @Test
    void keyResultWithManyCheckInsIsSnapshottedAndStillKnowsItsHistory() throws Exception {
        UUID kr = activeKeyResult();
        UUID initiative = create("/api/key-results/" + kr + "/initiatives", """
                {"title":"Onboarding","approach":"Email redesign"}""");
        List<UUID> checkIns = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            UUID id = UUID.randomUUID();
            checkIns.add(id);
            assertThat(checkIn(kr, id, 56 + i, 7).status()).isEqualTo(201);
        }
        awaitSnapshot(kr);
        // load from the snapshot, not from this instance's cache
        keyResultCache.removeAll();
        // state restored from the snapshot still recognises the first check-in
        assertThat(checkIn(kr, checkIns.get(0), 56, 7).status()).isEqualTo(200);
        assertThat(checkIn(kr, checkIns.get(0), 57, 7).status()).isEqualTo(409);
        // and its initiative, whose pivot may name a check-in of the key result as the deciding one
        String initiativePath = "/api/key-results/" + kr + "/initiatives/" + initiative;
        assertThat(post(initiativePath + "/pivot", """
                {"toApproach":"In-app checklist","reason":"Emails did not move completion","checkInId":"%s"}""".formatted(checkIns.get(0)))
                        .status())
                .isEqualTo(200);
        assertThat(post(initiativePath + "/pivot", """
                {"toApproach":"In-app checklist","reason":"again"}""").body().get("rule").asString())
                .isEqualTo("edit-changes-something");
        assertThat(post(initiativePath + "/complete", "").status()).isEqualTo(200);
        assertThat(post(initiativePath + "/stop", """
                {"reason":"too late"}""").body().get("rule").asString())
                .isEqualTo("initiative-stop-from-active-or-planned");
    }

    @Test
    void aKeyResultIsLoadedFromItsSnapshot() throws Exception {
        UUID kr = activeKeyResult();
        for (int i = 0; i < 3; i++) {
            assertThat(checkIn(kr, UUID.randomUUID(), 56 + i, 7).status()).isEqualTo(201);
        }
        awaitSnapshot(kr);
        // a snapshot that says "dropped", though no event does: only a load from the snapshot sees it
        jdbc.sql("""
                        update snapshotevententry
                           set payload = convert_to(replace(convert_from(payload, 'UTF8'), '"dropped":false', '"dropped":true'), 'UTF8')
                         where aggregateidentifier = ?""").param(kr.toString()).update();
        keyResultCache.removeAll();
        Answer answer = checkIn(kr, UUID.randomUUID(), 60, 7);
        assertThat(answer.status()).isEqualTo(409);
        assertThat(answer.body().get("rule").asString()).isEqualTo("key-result-not-dropped");
    }

    @Test
    void aSnapshotOfAnOlderShapeIsPassedOverAndTheKeyResultRebuiltFromItsEvents() {
        UUID kr = activeKeyResult();
        assertThat(checkIn(kr, UUID.randomUUID(), 56, 7).status()).isEqualTo(201);
        // the shape before initiatives were entities, without a revision; it says "dropped", the events do not
        jdbc.sql("""
                        insert into snapshotevententry(aggregateidentifier, sequencenumber, type, eventidentifier,
                                                       timestamp, payloadtype, payloadrevision, payload, metadata)
                        values (?, 1, 'KeyResult', ?, ?, ?, null, convert_to(?, 'UTF8'), convert_to('{}', 'UTF8'))""")
                .params(
                        kr.toString(),
                        UUID.randomUUID().toString(),
                        Instant.now().toString(),
                        "dev.okrledger.command.keyresult.KeyResult",
                        """
                        {"keyResultId":"%s","baseline":55,"target":75,"kind":"METRIC","dropped":true,"graded":false,
                         "checkInsById":{},"timeline":[],"initiatives":{},"milestones":[]}""".formatted(kr))
                .update();
        keyResultCache.removeAll();
        assertThat(checkIn(kr, UUID.randomUUID(), 57, 7).status()).isEqualTo(201);
    }

    /** Snapshots are taken after the command, asynchronously to the caller. */
    private void awaitSnapshot(UUID kr) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (snapshots(kr) == 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        assertThat(snapshots(kr)).isPositive();
    }

    private long snapshots(UUID aggregate) {
        return jdbc.sql("select count(*) from snapshotevententry where aggregateidentifier = ?")
                .param(aggregate.toString())
                .query(Long.class)
                .single();
    }

    @Test
    void concurrentCheckInsOnOneKeyResultAreAllRecorded() throws Exception {
        UUID kr = activeKeyResult();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Integer>> answers = new ArrayList<>();
        List<Integer> statuses = Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < 40; i++) {
            int value = 56 + (i % 10);
            answers.add(
                    pool.submit(() -> checkIn(kr, UUID.randomUUID(), value, 7).status()));
        }
        for (Future<Integer> answer : answers) {
            statuses.add(answer.get());
        }
        pool.shutdown();
        assertThat(statuses).containsOnly(201);
        List<Long> sequences = jdbc.sql("""
                        select sequencenumber from domainevententry
                         where aggregateidentifier = ? and payloadtype = ? order by sequencenumber""")
                .params(kr.toString(), CheckInRecorded.class.getName())
                .query(Long.class)
                .list();
        assertThat(sequences).hasSize(40).doesNotHaveDuplicates();
    }

    @Test
    void twoInstancesCheckingInOnOneKeyResultLoseNothing() throws Exception {
        UUID kr = activeKeyResult();
        // warm this instance's cache, so the second instance's appends make it stale
        assertThat(checkIn(kr, UUID.randomUUID(), 56, 7).status()).isEqualTo(201);
        try (ConfigurableApplicationContext second = CommandServiceApplication.builder()
                .run(
                        "--server.port=0",
                        // the URL the running context really uses (the dynamic property would make a new database)
                        "--spring.datasource.url=" + ((HikariDataSource) dataSource).getJdbcUrl(),
                        "--spring.datasource.username=postgres",
                        "--spring.kafka.bootstrap-servers=" + environment.getProperty("spring.kafka.bootstrap-servers"),
                        "--okr.kafka.events-topic=" + environment.getProperty("okr.kafka.events-topic"),
                        "--spring.security.oauth2.resourceserver.jwt.public-key-location="
                                + environment.getProperty(
                                        "spring.security.oauth2.resourceserver.jwt.public-key-location"))) {
            int secondPort =
                    ((WebServerApplicationContext) second).getWebServer().getPort();
            int firstPort = port;
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                int target = i % 2 == 0 ? firstPort : secondPort;
                int value = 57 + i % 10;
                answers.add(pool.submit(() -> checkInAt(target, kr, value)));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            pool.shutdown();
            assertThat(statuses).containsOnly(201);
        }
        List<Long> sequences = jdbc.sql("""
                        select sequencenumber from domainevententry
                         where aggregateidentifier = ? and payloadtype = ? order by sequencenumber""")
                .params(kr.toString(), CheckInRecorded.class.getName())
                .query(Long.class)
                .list();
        assertThat(sequences).hasSize(41).doesNotHaveDuplicates();
    }

    private int checkInAt(int targetPort, UUID keyResult, int value) {
        return postTo(targetPort, "/api/key-results/" + keyResult + "/check-ins", """
                {"checkInId":"%s","value":%d,"confidence":7}""".formatted(
                                UUID.randomUUID(), value))
                .status();
    }

    @Test
    void closingACycleGradesEveryKeyResultFromItsLastValue() {
        UUID cycle = activeCycle();
        UUID objective = objectiveIn(cycle);
        UUID graded = metricKeyResultIn(objective); // 55 -> 75
        UUID untouched = metricKeyResultIn(objective);
        UUID dropped = metricKeyResultIn(objective);
        checkIn(graded, UUID.randomUUID(), 71, 6);
        assertThat(post("/api/key-results/" + dropped + "/drop", """
                {"reason":"superseded"}""").status()).isEqualTo(200);

        assertThat(post("/api/cycles/" + cycle + "/close", "").status()).isEqualTo(204);

        assertThat(score(graded)).isEqualTo(0.8); // (71-55)/(75-55)
        assertThat(score(untouched)).isEqualTo(0.0);
        assertThat(jdbc.sql(
                                "select count(*) from domainevententry where aggregateidentifier = ? and payloadtype like '%KeyResultGraded'")
                        .param(dropped.toString())
                        .query(Long.class)
                        .single())
                .isZero();
        // closed means final
        assertThat(checkIn(graded, UUID.randomUUID(), 72, 6).status()).isEqualTo(409);
        assertThat(post("/api/objectives/" + objective + "/retrospective", """
                {"note":"Hiring was the constraint"}""").status())
                .isEqualTo(200);
    }

    private double score(UUID keyResult) {
        String json =
                jdbc.sql("""
                        select convert_from(payload, 'UTF8') from domainevententry
                         where aggregateidentifier = ? and payloadtype like '%KeyResultGraded'""").param(keyResult.toString()).query(String.class).single();
        JsonNode graded = JSON.readTree(json);
        return graded.get("score").asDouble();
    }
}
