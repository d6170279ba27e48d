package dev.okrledger.query.keyresult;

import dev.okrledger.contract.event.InitiativeStatus;
import dev.okrledger.contract.event.ObjectiveLevel;
import dev.okrledger.query.support.Quarter;
import dev.okrledger.query.support.QueryServiceTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** asOf shows what was known at that moment: a check-in recorded later stays hidden, even if backdated before it. */
class TimeTravelTest extends QueryServiceTest {

    @Test
    void aBackdatedCheckInRecordedAfterAsOfIsNotShown() {
        Quarter q = new Quarter(intake, LocalDate.now(ZoneOffset.UTC).minusWeeks(8), 13).plannedAndActive();
        UUID objective = q.objective("Faster support", ObjectiveLevel.TEAM, "support", null);
        UUID frt = q.keyResult(objective, "frt", 12, 4);
        q.at(q.week(1)).checkIn(frt, q.week(1), 11, 8);
        q.at(q.week(2)).checkIn(frt, q.week(2), 10, 7, "Macros help", null, "Keep going");
        Instant asOf = q.day(20);
        // recorded in week 5, but speaks for day 17: after week 2's check-in in effective order
        q.at(q.week(5)).checkIn(frt, q.day(17), 6, 4);

        JsonNode then = ok("/api/key-results/" + frt + "/detail?asOf=" + asOf);
        assertThat(then.get("series")).hasSize(2);
        assertThat(then.get("current").get("value").decimalValue()).isEqualByComparingTo("10");
        assertThat(then.get("current").get("confidence").asInt()).isEqualTo(7);
        assertThat(then.get("current").get("expectedProgress").asDouble()).isCloseTo(20.0 / 91, within(1e-9));
        assertThat(then.get("conversations")).hasSize(1);
        assertThat(then.get("conversations").get(0).get("decision").asString()).isEqualTo("Keep going");

        JsonNode boardThen = ok("/api/cycles/" + q.cycleId + "/dashboard?asOf=" + asOf);
        JsonNode krThen = boardThen
                .get("groups")
                .get(0)
                .get("objectives")
                .get(0)
                .get("keyResults")
                .get(0);
        assertThat(krThen.get("value").decimalValue()).isEqualByComparingTo("10");
        assertThat(boardThen.get("counts").get("green").asInt()).isEqualTo(1);

        JsonNode now = ok("/api/key-results/" + frt + "/detail");
        assertThat(now.get("series")).hasSize(3);
        assertThat(now.get("series").get(2).get("value").decimalValue()).isEqualByComparingTo("6");
        assertThat(now.get("current").get("confidence").asInt()).isEqualTo(4);
        JsonNode krNow = ok("/api/cycles/" + q.cycleId + "/dashboard")
                .get("groups")
                .get(0)
                .get("objectives")
                .get(0)
                .get("keyResults")
                .get(0);
        assertThat(krNow.get("value").decimalValue()).isEqualByComparingTo("6");
        assertThat(krNow.get("band").asString()).isEqualTo("AMBER");
    }

    @Test
    void theDetailShowsInitiativesPivotsTargetChangesAndMilestones() {
        Quarter q = new Quarter(intake, LocalDate.now(ZoneOffset.UTC).minusWeeks(8), 13).plannedAndActive();
        UUID objective = q.objective("Faster support", ObjectiveLevel.TEAM, "support", null);
        UUID frt = q.keyResult(objective, "frt", 12, 4);
        q.at(q.week(1));
        UUID macros = q.initiative(frt, "Macros", "write macros for the top 10 questions", InitiativeStatus.PLANNED);
        UUID triage = q.initiative(frt, "Triage rota", "one agent triages", InitiativeStatus.ACTIVE);
        UUID checkIn = q.checkIn(frt, q.week(1), 11, 8);
        Instant asOf = q.day(10);
        q.at(q.week(2));
        q.startInitiative(frt, macros);
        UUID slow = q.checkIn(frt, q.week(2), 11, 5, "Macros unused", null, null);
        q.pivot(
                frt,
                macros,
                "write macros for the top 10 questions",
                "suggest macros in the editor",
                "agents do not look them up",
                slow);
        q.stopInitiative(frt, triage, "no capacity");
        q.changeTarget(frt, 4, 6, "staffing cut");

        JsonNode now = ok("/api/key-results/" + frt + "/detail");
        assertThat(now.get("kind").asString()).isEqualTo("METRIC");
        assertThat(now.get("measurement").get("dataSource").asString()).isEqualTo("source of frt");
        assertThat(now.get("target").decimalValue()).isEqualByComparingTo("6");
        assertThat(now.get("current").get("progress").asDouble()).isCloseTo(1.0 / 6, within(1e-9));
        JsonNode initiatives = now.get("initiatives");
        assertThat(initiatives).hasSize(2);
        assertThat(initiatives.get(0).get("title").asString()).isEqualTo("Macros");
        assertThat(initiatives.get(0).get("status").asString()).isEqualTo("ACTIVE");
        assertThat(initiatives.get(0).get("approach").asString()).isEqualTo("suggest macros in the editor");
        assertThat(initiatives.get(1).get("status").asString()).isEqualTo("STOPPED");
        assertThat(initiatives.get(1).get("stoppedReason").asString()).isEqualTo("no capacity");
        JsonNode pivot = now.get("pivots").get(0);
        assertThat(pivot.get("initiativeId").asString()).isEqualTo(macros.toString());
        assertThat(pivot.get("fromApproach").asString()).isEqualTo("write macros for the top 10 questions");
        assertThat(pivot.get("toApproach").asString()).isEqualTo("suggest macros in the editor");
        assertThat(pivot.get("reason").asString()).isEqualTo("agents do not look them up");
        assertThat(pivot.get("checkInId").asString()).isEqualTo(slow.toString());
        JsonNode change = now.get("targetChanges").get(0);
        assertThat(change.get("fromTarget").decimalValue()).isEqualByComparingTo("4");
        assertThat(change.get("toTarget").decimalValue()).isEqualByComparingTo("6");
        assertThat(change.get("reason").asString()).isEqualTo("staffing cut");
        assertThat(change.get("by").asString()).isEqualTo("ana");
        assertThat(change.get("at").asString()).isNotBlank();

        // as known in week 1: the target then, no pivot, no target change; initiatives by then (current status)
        JsonNode then = ok("/api/key-results/" + frt + "/detail?asOf=" + asOf);
        assertThat(then.get("target").decimalValue()).isEqualByComparingTo("4");
        assertThat(then.get("current").get("progress").asDouble()).isCloseTo(1.0 / 8, within(1e-9));
        assertThat(then.get("pivots")).isEmpty();
        assertThat(then.get("targetChanges")).isEmpty();
        assertThat(then.get("initiatives")).hasSize(2);
        assertThat(checkIn).isNotNull();

        UUID launch = q.milestoneKeyResult(objective, "launch", "beta", "pricing", "GA");
        q.milestonesDone(launch, q.week(2), 7, "beta", "pricing");
        JsonNode milestones = ok("/api/key-results/" + launch + "/detail");
        assertThat(milestones.get("kind").asString()).isEqualTo("MILESTONE");
        assertThat(milestones.get("measurement").isNull()).isTrue();
        assertThat(milestones.get("milestones").toString())
                .isEqualTo("[{\"name\":\"beta\",\"done\":true},{\"name\":\"pricing\",\"done\":true},"
                        + "{\"name\":\"GA\",\"done\":false}]");
        assertThat(milestones.get("current").get("progress").asDouble()).isCloseTo(2.0 / 3, within(1e-9));
    }

    @Test
    void beforeItWasDefinedAKeyResultIsUnknown() {
        Quarter q = new Quarter(intake, LocalDate.now(ZoneOffset.UTC).minusWeeks(2), 13).plannedAndActive();
        UUID objective = q.objective("O", ObjectiveLevel.TEAM, "t", null);
        Instant before = q.day(0);
        q.at(q.day(3));
        UUID kr = q.keyResult(objective, "kr", 0, 10);

        assertThat(get("/api/key-results/" + kr + "/detail?asOf=" + before).status())
                .isEqualTo(404);
        assertThat(get("/api/key-results/" + kr + "/detail?asOf=" + q.day(4)).status())
                .isEqualTo(200);
        Answer bad = get("/api/key-results/" + kr + "/detail?asOf=2025-13-01T00:00:00Z");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().get("field").asString()).isEqualTo("asOf");
        assertThat(get("/api/key-results/" + UUID.randomUUID() + "/detail").status())
                .isEqualTo(404);
    }
}
