package dev.okrledger.query.replay;

import dev.okrledger.contract.event.InitiativeStatus;
import dev.okrledger.contract.event.ObjectiveLevel;
import dev.okrledger.query.support.Quarter;
import dev.okrledger.query.support.QueryServiceTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ReplayAndRetrospectiveTest extends QueryServiceTest {

    @Test
    void eachFinishedWeekShowsTheBoardByEffectiveTimeIncludingLateCheckIns() {
        Quarter q =
                new Quarter(intake, LocalDate.now(ZoneOffset.UTC).minusWeeks(3).minusDays(2), 13).plannedAndActive();
        UUID objective = q.objective("O", ObjectiveLevel.TEAM, "support", null);
        UUID kr = q.keyResult(objective, "kr", 0, 91);
        q.at(q.week(1)).checkIn(kr, q.week(1), 7, 8);
        // week 2's check-in was forgotten and recorded late, in week 3: the replay still shows it in week 2
        q.at(q.week(3));
        q.checkIn(kr, q.week(2), 2, 5);
        q.checkIn(kr, q.week(3), 21, 7);

        JsonNode weeks = ok("/api/cycles/" + q.cycleId + "/replay").get("weeks");

        assertThat(weeks).hasSize(3); // week 4 has not ended yet
        assertThat(weeks.get(1).get("expectedProgress").asDouble()).isCloseTo(14.0 / 91, within(1e-9));
        assertThat(keyResult(weeks.get(0)).get("value").decimalValue()).isEqualByComparingTo("7");
        assertThat(keyResult(weeks.get(1)).get("value").decimalValue()).isEqualByComparingTo("2");
        assertThat(weeks.get(1).get("behindPace").get(0).get("keyResultId").asString())
                .isEqualTo(kr.toString());
        assertThat(weeks.get(1).get("counts").get("amber").asInt()).isEqualTo(1);
        assertThat(weeks.get(2).get("behindPace")).isEmpty();
    }

    @Test
    void theRetrospectiveScoresKeyResultsAndObjectivesAndCalibratesConfidencePerTeam() {
        Quarter q = new Quarter(intake, LocalDate.now(ZoneOffset.UTC).minusWeeks(13), 13).plannedAndActive();
        UUID objective = q.objective("O", ObjectiveLevel.TEAM, "x", null);
        UUID hit = q.keyResult(objective, "hit", 0, 10);
        UUID missed = q.keyResult(objective, "missed", 0, 10);
        q.at(q.week(1));
        q.checkIn(hit, q.week(1), 5, 8);
        q.checkIn(missed, q.week(1), 2, 6);
        q.at(q.week(13)).checkIn(hit, q.week(13), 10, 9);

        assertThat(get("/api/cycles/" + q.cycleId + "/retrospective").status()).isEqualTo(409);
        q.closed();
        JsonNode retro = ok("/api/cycles/" + q.cycleId + "/retrospective");

        JsonNode o = retro.get("objectives").get(0);
        assertThat(o.get("score").asDouble()).isCloseTo(0.6, within(1e-9));
        JsonNode hitScore = o.get("keyResults").get(0);
        assertThat(hitScore.get("targetHit").asBoolean()).isTrue();
        assertThat(hitScore.get("brierScore").asDouble()).isCloseTo((0.04 + 0.01) / 2, within(1e-9));
        assertThat(hitScore.get("trajectory")).hasSize(2);
        assertThat(hitScore.get("adherence").get("periodsWithCheckIn").asInt()).isEqualTo(2);
        assertThat(hitScore.get("adherence").get("periods").asInt()).isEqualTo(13);

        JsonNode team = retro.get("teams").get(0);
        assertThat(team.get("team").asString()).isEqualTo("x");
        assertThat(team.get("targetsHit").asInt()).isEqualTo(1);
        assertThat(team.get("brierScore").asDouble()).isCloseTo((0.04 + 0.01 + 0.36) / 3, within(1e-9));
        assertThat(team.get("adherence").get("share").asDouble()).isCloseTo(3.0 / 26, within(1e-9));
        assertThat(retro.get("pivots")).isEmpty();
        assertThat(ok("/api/cycles/" + q.cycleId + "/replay").get("weeks")).hasSize(13);
    }

    @Test
    void theRetrospectiveTakesGradedScoresAndListsPivotsTargetChangesAndNotes() {
        Quarter q = new Quarter(intake, LocalDate.now(ZoneOffset.UTC).minusWeeks(13), 13).plannedAndActive();
        UUID objective = q.objective("O", ObjectiveLevel.TEAM, "y", null);
        UUID graded = q.keyResult(objective, "graded", 0, 10);
        UUID computed = q.keyResult(objective, "computed", 0, 10);
        UUID dropped = q.keyResult(objective, "dropped", 0, 10);
        q.at(q.week(1));
        q.checkIn(graded, q.week(1), 5, 7);
        UUID slow = q.checkIn(computed, q.week(1), 4, 5);
        q.checkIn(dropped, q.week(1), 1, 5);
        UUID initiative = q.initiative(computed, "Ads", "search ads", InitiativeStatus.ACTIVE);
        q.at(q.week(2));
        q.pivot(computed, initiative, "search ads", "referrals", "ads too dear", slow);
        q.changeTarget(graded, 10, 8, "market shrank");
        q.drop(dropped, "not ours");
        q.at(q.week(13)).closed();
        q.grade(graded, 5.0, 0.7); // the command side's number wins over the computed 5/8
        q.retrospectiveNote(objective, "We set 'computed' too high");

        JsonNode retro = ok("/api/cycles/" + q.cycleId + "/retrospective");
        JsonNode o = retro.get("objectives").get(0);
        assertThat(o.get("keyResults")).hasSize(2); // the dropped one is left out
        JsonNode gradedScore =
                o.get("keyResults").get(0).get("title").asString().equals("graded")
                        ? o.get("keyResults").get(0)
                        : o.get("keyResults").get(1);
        JsonNode computedScore = o.get("keyResults").get(0) == gradedScore
                ? o.get("keyResults").get(1)
                : o.get("keyResults").get(0);
        assertThat(gradedScore.get("score").asDouble()).isCloseTo(0.7, within(1e-9));
        assertThat(gradedScore.get("graded").asBoolean()).isTrue();
        assertThat(gradedScore.get("finalValue").decimalValue()).isEqualByComparingTo("5");
        assertThat(computedScore.get("score").asDouble()).isCloseTo(0.4, within(1e-9));
        assertThat(computedScore.get("graded").asBoolean()).isFalse();
        assertThat(o.get("score").asDouble()).isCloseTo((0.7 + 0.4) / 2, within(1e-9));
        assertThat(o.get("notes").get(0).get("note").asString()).isEqualTo("We set 'computed' too high");
        assertThat(retro.get("teams").get(0).get("keyResults").asInt()).isEqualTo(2);

        JsonNode pivot = retro.get("pivots").get(0);
        assertThat(retro.get("pivots")).hasSize(1);
        assertThat(pivot.get("keyResultId").asString()).isEqualTo(computed.toString());
        assertThat(pivot.get("initiativeTitle").asString()).isEqualTo("Ads");
        assertThat(pivot.get("toApproach").asString()).isEqualTo("referrals");
        assertThat(pivot.get("checkInId").asString()).isEqualTo(slow.toString());
        JsonNode change = retro.get("targetChanges").get(0);
        assertThat(retro.get("targetChanges")).hasSize(1);
        assertThat(change.get("keyResultId").asString()).isEqualTo(graded.toString());
        assertThat(change.get("fromTarget").decimalValue()).isEqualByComparingTo("10");
        assertThat(change.get("toTarget").decimalValue()).isEqualByComparingTo("8");
        assertThat(change.get("reason").asString()).isEqualTo("market shrank");
    }

    @Test
    void oneFinishedWeekIsABoardPageFilteredAndPagedLikeTheDashboard() {
        Quarter q =
                new Quarter(intake, LocalDate.now(ZoneOffset.UTC).minusWeeks(3).minusDays(2), 13).plannedAndActive();
        UUID support = q.objective("Support", ObjectiveLevel.TEAM, "support", null);
        UUID growth = q.objective("Growth", ObjectiveLevel.TEAM, "growth", null);
        UUID kr = q.keyResult(support, "kr", 0, 91);
        q.keyResult(growth, "other", 0, 10);
        q.at(q.week(1)).checkIn(kr, q.week(1), 7, 8);
        q.at(q.week(3));
        q.checkIn(kr, q.week(2), 2, 5);

        JsonNode last = ok("/api/cycles/" + q.cycleId + "/replay/board");
        JsonNode week2 = ok("/api/cycles/" + q.cycleId + "/replay/board?week=2&team=support&size=1");

        assertThat(last.get("finishedWeeks").asInt()).isEqualTo(3);
        assertThat(last.get("week").asInt()).isEqualTo(3);
        assertThat(last.get("board").get("page").get("totalObjectives").asInt()).isEqualTo(2);
        assertThat(week2.get("week").asInt()).isEqualTo(2);
        assertThat(week2.get("endsAt").asString()).isEqualTo(q.day(14).toString());
        JsonNode board = week2.get("board");
        assertThat(board.get("page").get("totalObjectives").asInt()).isEqualTo(1);
        assertThat(board.get("counts").get("amber").asInt()).isEqualTo(1);
        assertThat(board.get("groups")
                        .get(0)
                        .get("objectives")
                        .get(0)
                        .get("keyResults")
                        .get(0)
                        .get("value")
                        .decimalValue())
                .isEqualByComparingTo("2");
        assertThat(board.get("atRisk").get(0).get("keyResultId").asString()).isEqualTo(kr.toString());
    }

    @Test
    void aWeekThatHasNotFinishedIs400AndAnUnknownCycle404() {
        Quarter q =
                new Quarter(intake, LocalDate.now(ZoneOffset.UTC).minusWeeks(3).minusDays(2), 13).plannedAndActive();
        Quarter fresh = new Quarter(intake, LocalDate.now(ZoneOffset.UTC).minusDays(2), 13).plannedAndActive();

        Answer notYet = get("/api/cycles/" + q.cycleId + "/replay/board?week=4");
        Answer badPage = get("/api/cycles/" + q.cycleId + "/replay/board?page=-1");
        Answer unknown = get("/api/cycles/" + UUID.randomUUID() + "/replay/board");
        JsonNode none = ok("/api/cycles/" + fresh.cycleId + "/replay/board");

        assertThat(notYet.status()).isEqualTo(400);
        assertThat(notYet.body().get("field").asString()).isEqualTo("week");
        assertThat(badPage.status()).isEqualTo(400);
        assertThat(badPage.body().get("field").asString()).isEqualTo("page");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body().get("rule").asString()).isEqualTo("unknown-cycle");
        assertThat(none.get("finishedWeeks").asInt()).isZero();
        assertThat(none.get("board").isNull()).isTrue();
    }

    private static JsonNode keyResult(JsonNode week) {
        List<JsonNode> all = new ArrayList<>();
        week.get("objectives").forEach(o -> o.get("keyResults").forEach(all::add));
        assertThat(all).hasSize(1);
        return all.get(0);
    }
}
