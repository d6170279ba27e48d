package dev.okrledger.query.dashboard;

import dev.okrledger.contract.event.ObjectiveLevel;
import dev.okrledger.query.support.Quarter;
import dev.okrledger.query.support.QueryServiceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The dashboard read model, fed with envelopes and read over HTTP. */
class DashboardProjectionTest extends QueryServiceTest {

    private Quarter q;
    private UUID company;
    private UUID support;
    private UUID frt;
    private UUID resolved;
    private UUID growth;
    private UUID activation;

    /** A quarter that started 8 weeks ago, as the demo: now is day 56. */
    @BeforeEach
    void quarter() {
        q = new Quarter(intake, LocalDate.now(ZoneOffset.UTC).minusWeeks(8), 13).plannedAndActive();
        company = q.objective("Trusted platform", ObjectiveLevel.COMPANY, "leadership", null);
        UUID sev1 = q.keyResult(company, "sev1", 6, 2);
        support = q.objective("Faster support", ObjectiveLevel.TEAM, "support", company);
        frt = q.keyResult(support, "frt", 12, 4);
        resolved = q.keyResult(support, "resolved48", 55, 75);
        growth = q.objective("Onboarding", ObjectiveLevel.TEAM, "growth", company);
        activation = q.keyResult(growth, "activation", 45, 60);
        q.at(q.week(1));
        q.checkIn(sev1, q.week(1), 6, 7);
        q.checkIn(frt, q.week(1), 12, 8);
        q.checkIn(resolved, q.week(1), 57, 7);
        q.checkIn(activation, q.week(1), 46, 8);
        q.at(q.week(4)).checkIn(resolved, q.week(4), 61, 6);
        q.at(q.week(8));
        q.checkIn(sev1, q.week(8), 3, 8);
        q.checkIn(frt, q.week(8), 8.5, 3);
        q.checkIn(activation, q.week(8), 51, 5);
    }

    @Test
    void objectivesAreGroupedByLevelAndTeamWithProgressPaceBandAndTrend() {
        JsonNode board = ok("/api/cycles/" + q.cycleId + "/dashboard");

        assertThat(board.get("expectedProgress").asDouble()).isCloseTo(56.0 / 91, within(0.02));
        List<String> groups = new ArrayList<>();
        board.get("groups")
                .forEach(g -> groups.add(
                        g.get("level").asString() + "/" + g.get("team").asString()));
        assertThat(groups).containsExactly("COMPANY/leadership", "TEAM/growth", "TEAM/support");

        JsonNode supportRow = objective(board, support);
        // frt (8.5-12)/(4-12) = 0.4375, resolved48 (61-55)/20 = 0.3
        assertThat(supportRow.get("progress").asDouble()).isCloseTo((0.4375 + 0.3) / 2, within(1e-9));
        assertThat(supportRow.get("pace").asString()).isEqualTo("BEHIND");
        assertThat(supportRow.get("band").asString()).isEqualTo("RED"); // worst of its KRs
        assertThat(supportRow.get("trend").asString()).isEqualTo("DOWN"); // 8 -> 3 and 7 -> 6
        JsonNode frtRow =
                supportRow.get("keyResults").get(0).get("id").asString().equals(frt.toString())
                        ? supportRow.get("keyResults").get(0)
                        : supportRow.get("keyResults").get(1);
        assertThat(frtRow.get("value").decimalValue()).isEqualByComparingTo("8.5");
        assertThat(frtRow.get("band").asString()).isEqualTo("RED");
        assertThat(frtRow.get("trend").asString()).isEqualTo("DOWN");
    }

    @Test
    void countsPerBandAndTheAtRiskListCoverRedAmberBehindPaceAndStale() {
        JsonNode board = ok("/api/cycles/" + q.cycleId + "/dashboard");

        JsonNode counts = board.get("counts");
        assertThat(counts.get("green").asInt()).isEqualTo(1); // sev1
        assertThat(counts.get("amber").asInt()).isEqualTo(2); // resolved48, activation
        assertThat(counts.get("red").asInt()).isEqualTo(1); // frt
        assertThat(counts.get("noCheckIn").asInt()).isZero();
        assertThat(counts.get("behindPace").asInt()).isEqualTo(3);

        JsonNode atRisk = board.get("atRisk");
        assertThat(atRisk).hasSize(3);
        assertThat(board.get("atRiskTotal").asInt()).isEqualTo(3);
        assertThat(atRisk.get(0).get("keyResultId").asString()).isEqualTo(frt.toString()); // red first
        assertThat(reasons(atRisk, frt)).containsExactly("RED", "BEHIND_PACE");
        assertThat(reasons(atRisk, resolved)).containsExactly("AMBER", "BEHIND_PACE", "STALE"); // last check-in week 4
        assertThat(reasons(atRisk, activation)).containsExactly("AMBER", "BEHIND_PACE");
    }

    @Test
    void aParentRollsUpItsAlignedChildren() {
        JsonNode rollUp = objective(ok("/api/cycles/" + q.cycleId + "/dashboard"), company)
                .get("rollUp");

        assertThat(rollUp.get("children").asInt()).isEqualTo(2);
        assertThat(rollUp.get("childrenProgress").asDouble()).isCloseTo(((0.4375 + 0.3) / 2 + 0.4) / 2, within(1e-9));
        assertThat(rollUp.get("aligned").get(0).get("team").asString()).isEqualTo("growth");
    }

    @Test
    void rewordsRealignmentsTargetChangesDroppedKeyResultsAndRetiredObjectivesReachTheBoard() {
        Instant before = q.day(55).plusSeconds(12 * 3600 + 600); // after week 8's check-ins
        q.at(q.day(55).plusSeconds(13 * 3600));
        UUID other = q.objective("Other company goal", ObjectiveLevel.COMPANY, "leadership", null);
        q.rewordObjective(support, "Faster support", "Support that answers");
        q.realign(support, company, other);
        q.rewordKeyResult(frt, "frt", "first response");
        q.changeOwner(frt, "owner-frt", "new-lead");
        q.changeTarget(frt, 4, 6, "staffing cut");
        q.drop(resolved, "measured elsewhere");
        q.retire(growth, "merged into support");

        JsonNode board = ok("/api/cycles/" + q.cycleId + "/dashboard");
        List<String> groups = new ArrayList<>();
        board.get("groups")
                .forEach(g -> groups.add(
                        g.get("level").asString() + "/" + g.get("team").asString()));
        assertThat(groups).containsExactly("COMPANY/leadership", "TEAM/support"); // growth retired
        JsonNode supportRow = objective(board, support);
        assertThat(supportRow.get("title").asString()).isEqualTo("Support that answers");
        assertThat(supportRow.get("parentObjectiveId").asString()).isEqualTo(other.toString());
        assertThat(supportRow.get("keyResults")).hasSize(1); // resolved48 dropped
        JsonNode frtRow = supportRow.get("keyResults").get(0);
        assertThat(frtRow.get("title").asString()).isEqualTo("first response");
        assertThat(frtRow.get("owner").asString()).isEqualTo("new-lead");
        assertThat(frtRow.get("target").decimalValue()).isEqualByComparingTo("6");
        assertThat(frtRow.get("progress").asDouble()).isCloseTo(3.5 / 6, within(1e-9)); // (8.5-12)/(6-12)
        assertThat(supportRow.get("progress").asDouble()).isCloseTo(3.5 / 6, within(1e-9));
        JsonNode counts = board.get("counts");
        assertThat(counts.get("green").asInt()).isEqualTo(1); // sev1
        assertThat(counts.get("amber").asInt()).isZero(); // resolved48 dropped, activation retired with growth
        assertThat(counts.get("red").asInt()).isEqualTo(1); // frt
        assertThat(counts.get("behindPace").asInt()).isZero(); // frt 0.58 is within the tolerance now
        assertThat(board.get("atRiskTotal").asInt()).isEqualTo(1);
        assertThat(reasons(board.get("atRisk"), frt)).containsExactly("RED");
        assertThat(objective(board, company).get("rollUp").get("children").asInt())
                .isZero();
        JsonNode otherRollUp = objective(board, other).get("rollUp");
        assertThat(otherRollUp.get("children").asInt()).isEqualTo(1);
        assertThat(otherRollUp.get("childrenProgress").asDouble()).isCloseTo(3.5 / 6, within(1e-9));

        // as known before: the old target, resolved48 and growth still count (titles and parents are the current ones)
        JsonNode then = ok("/api/cycles/" + q.cycleId + "/dashboard?asOf=" + before);
        assertThat(objective(then, support).get("keyResults")).hasSize(2);
        assertThat(objective(then, growth).get("progress").asDouble()).isCloseTo(0.4, within(1e-9));
        assertThat(objective(then, support).get("progress").asDouble()).isCloseTo((0.4375 + 0.3) / 2, within(1e-9));
        assertThat(then.get("counts").get("amber").asInt()).isEqualTo(2);

        // dropped and retired stay visible, with their status, in the key result detail
        JsonNode dropped = ok("/api/key-results/" + resolved + "/detail");
        assertThat(dropped.get("status").asString()).isEqualTo("DROPPED");
        assertThat(dropped.get("dropped").get("reason").asString()).isEqualTo("measured elsewhere");
        assertThat(ok("/api/key-results/" + resolved + "/detail?asOf=" + before)
                        .get("status")
                        .asString())
                .isEqualTo("ACTIVE");
        JsonNode retired = ok("/api/key-results/" + activation + "/detail");
        assertThat(retired.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(retired.get("objectiveRetired").asBoolean()).isTrue();
    }

    @Test
    void filtersByTeamAndLevelAndPages() {
        JsonNode teams = ok("/api/cycles/" + q.cycleId + "/dashboard?level=TEAM&size=1&page=1");
        assertThat(teams.get("page").get("totalObjectives").asInt()).isEqualTo(2);
        assertThat(teams.get("page").get("totalPages").asInt()).isEqualTo(2);
        assertThat(teams.get("groups")).hasSize(1);
        assertThat(teams.get("groups").get(0).get("team").asString()).isEqualTo("support");
        assertThat(teams.get("counts").get("green").asInt()).isZero(); // counts follow the filter, not the page
        assertThat(teams.get("atRisk")).hasSize(3);

        JsonNode support = ok("/api/cycles/" + q.cycleId + "/dashboard?team=support");
        assertThat(support.get("page").get("totalObjectives").asInt()).isEqualTo(1);
        assertThat(support.get("atRisk")).hasSize(2);
    }

    @Test
    void badParametersAndUnknownCyclesAreProblems() {
        Answer badAsOf = get("/api/cycles/" + q.cycleId + "/dashboard?asOf=yesterday");
        assertThat(badAsOf.status()).isEqualTo(400);
        assertThat(badAsOf.body().get("field").asString()).isEqualTo("asOf");
        assertThat(badAsOf.body().get("type").asString()).isEqualTo("urn:okr-ledger:problem:invalid-as-of");

        Answer badLevel = get("/api/cycles/" + q.cycleId + "/dashboard?level=GALAXY");
        assertThat(badLevel.status()).isEqualTo(400);
        assertThat(badLevel.body().get("field").asString()).isEqualTo("level");

        assertThat(get("/api/cycles/" + q.cycleId + "/dashboard?size=0")
                        .body()
                        .get("field")
                        .asString())
                .isEqualTo("size");
        assertThat(get("/api/cycles/not-a-uuid/dashboard").body().get("field").asString())
                .isEqualTo("id");

        Answer unknown = get("/api/cycles/" + UUID.randomUUID() + "/dashboard");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body().get("rule").asString()).isEqualTo("unknown-cycle");
    }

    @Test
    void cyclesAreListed() {
        JsonNode cycles = ok("/api/cycles");
        List<String> ids = new ArrayList<>();
        cycles.forEach(c -> ids.add(c.get("id").asString()));
        assertThat(ids).contains(q.cycleId.toString());
        assertThat(ok("/api/cycles/" + q.cycleId).get("status").asString()).isEqualTo("ACTIVE");
    }

    private static JsonNode objective(JsonNode board, UUID id) {
        for (JsonNode group : board.get("groups")) {
            for (JsonNode objective : group.get("objectives")) {
                if (objective.get("id").asString().equals(id.toString())) {
                    return objective;
                }
            }
        }
        throw new AssertionError("objective " + id + " not on the board");
    }

    private static List<String> reasons(JsonNode atRisk, UUID keyResultId) {
        List<String> reasons = new ArrayList<>();
        for (JsonNode risk : atRisk) {
            if (risk.get("keyResultId").asString().equals(keyResultId.toString())) {
                risk.get("reasons").forEach(r -> reasons.add(r.asString()));
            }
        }
        return reasons;
    }
}
