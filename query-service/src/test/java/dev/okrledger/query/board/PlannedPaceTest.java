package dev.okrledger.query.board;

import dev.okrledger.contract.event.ObjectiveLevel;
import dev.okrledger.query.support.Quarter;
import dev.okrledger.query.support.QueryServiceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Planned checkpoints move a key result's expected progress on every view of the query side
 * (docs/domain.md "Expected progress and pace"): board, at-risk list, KR view, KR detail and replay.
 * Each planned key result has a linear twin with the same figures, judged the other way.
 */
class PlannedPaceTest extends QueryServiceTest {

    private Quarter q;
    private UUID planned;
    private UUID front;
    private UUID back;
    private UUID frontTwin;
    private UUID backTwin;

    /** Now is day 42 (week 6) of a 13-week quarter. */
    @BeforeEach
    void quarter() {
        q = new Quarter(intake, LocalDate.now(ZoneOffset.UTC).minusWeeks(6), 13).plannedAndActive();
        planned = q.objective("Planned", ObjectiveLevel.TEAM, "support", null);
        front = q.plannedKeyResult(planned, "front", 0, 100, q.checkpoint(28, 80)); // 80 % by week 4
        back = q.plannedKeyResult(planned, "back", 0, 100, q.checkpoint(63, 20)); // 20 % by week 9
        UUID linear = q.objective("Linear", ObjectiveLevel.TEAM, "growth", null);
        frontTwin = q.keyResult(linear, "front twin", 0, 100);
        backTwin = q.keyResult(linear, "back twin", 0, 100);
        q.at(q.week(4));
        List.of(front, frontTwin).forEach(kr -> q.checkIn(kr, q.week(4), 40, 7));
        List.of(back, backTwin).forEach(kr -> q.checkIn(kr, q.week(4), 5, 7));
        q.at(q.week(6));
        List.of(front, frontTwin).forEach(kr -> q.checkIn(kr, q.week(6), 50, 7));
        List.of(back, backTwin).forEach(kr -> q.checkIn(kr, q.week(6), 10, 7));
    }

    @Test
    void theBoardJudgesEachKeyResultAgainstItsOwnPlan() {
        JsonNode board = ok("/api/cycles/" + q.cycleId + "/dashboard");

        // front: 80 + 20 * (14 + today's fraction) / 63 -> 0.844..0.848; progress 0.5
        assertThat(row(board, front).get("expectedProgress").asDouble()).isBetween(0.844, 0.848);
        assertThat(row(board, front).get("pace").asString()).isEqualTo("BEHIND");
        assertThat(row(board, frontTwin).get("expectedProgress").asDouble()).isCloseTo(42.0 / 91, within(0.011));
        assertThat(row(board, frontTwin).get("pace").asString()).isEqualTo("ON_TRACK");
        // back: 20 * 42 / 63 -> 0.133..; progress 0.1 is within the tolerance, its twin is not
        assertThat(row(board, back).get("pace").asString()).isEqualTo("ON_TRACK");
        assertThat(row(board, backTwin).get("pace").asString()).isEqualTo("BEHIND");
        assertThat(board.get("counts").get("behindPace").asInt()).isEqualTo(2);
        assertThat(atRisk(board)).containsExactlyInAnyOrder(front.toString(), backTwin.toString());

        JsonNode objective = objective(board, planned);
        assertThat(objective.get("expectedProgress").asDouble())
                .isCloseTo(
                        (row(board, front).get("expectedProgress").asDouble()
                                        + row(board, back)
                                                .get("expectedProgress")
                                                .asDouble())
                                / 2,
                        within(1e-9));
        assertThat(board.get("expectedProgress").asDouble())
                .isCloseTo(42.0 / 91, within(0.011)); // the elapsed fraction
    }

    @Test
    void theKeyResultViewAndItsDetailFollowThePlan() {
        JsonNode view = ok("/api/key-results/" + front);
        assertThat(view.get("expectedProgress").asDouble()).isBetween(0.844, 0.848);
        assertThat(view.get("behindPace").asBoolean()).isTrue();
        assertThat(ok("/api/key-results/" + back).get("behindPace").asBoolean()).isFalse();
        assertThat(ok("/api/key-results/" + backTwin).get("behindPace").asBoolean())
                .isTrue();

        JsonNode detail = ok("/api/key-results/" + front + "/detail");
        assertThat(detail.get("current").get("pace").asString()).isEqualTo("BEHIND");
        assertThat(detail.get("current").get("expectedProgress").asDouble()).isBetween(0.844, 0.848);
        assertThat(detail.get("checkpoints").get(0).get("date").asString())
                .isEqualTo(q.startsOn.plusDays(28).toString());
        assertThat(detail.get("checkpoints").get(0).get("expectedValue").decimalValue())
                .isEqualByComparingTo("80");

        // each check-in is judged at its effective moment, as the BEHIND_PACE alert is
        JsonNode week4 = detail.get("series").get(0);
        assertThat(week4.get("expectedProgress").asDouble()).isCloseTo(0.8 * 27.5 / 28, within(1e-9));
        assertThat(week4.get("pace").asString()).isEqualTo("BEHIND");
        JsonNode week6 = detail.get("series").get(1);
        assertThat(week6.get("expectedProgress").asDouble()).isCloseTo(0.8 + 0.2 * 13.5 / 63, within(1e-9));

        // the planned line bends at the checkpoint: start, checkpoint, now, end
        JsonNode line = detail.get("expectedLine");
        assertThat(line).hasSize(4);
        assertThat(Instant.parse(line.get(0).get("at").asString())).isEqualTo(q.day(0));
        assertThat(line.get(0).get("expectedProgress").asDouble()).isZero();
        assertThat(Instant.parse(line.get(1).get("at").asString())).isEqualTo(q.day(28));
        assertThat(line.get(1).get("expectedProgress").asDouble()).isCloseTo(0.8, within(1e-9));
        assertThat(line.get(2).get("expectedProgress").asDouble()).isBetween(0.844, 0.848);
        assertThat(Instant.parse(line.get(3).get("at").asString())).isEqualTo(q.day(91));
        assertThat(line.get(3).get("expectedProgress").asDouble()).isEqualTo(1.0);
        assertThat(ok("/api/key-results/" + frontTwin + "/detail").get("expectedLine"))
                .hasSize(3);
    }

    @Test
    void theBoardExportCarriesEachKeyResultsOwnExpectedProgress() {
        JsonNode board = ok("/api/cycles/" + q.cycleId + "/dashboard");
        JsonNode rows = ok("/api/cycles/" + q.cycleId + "/export/board.json");

        for (UUID kr : List.of(front, back, frontTwin)) {
            JsonNode exported = exportRow(rows, kr);
            assertThat(exported.get("expectedProgress").asDouble())
                    .isCloseTo(row(board, kr).get("expectedProgress").asDouble(), within(0.001));
        }
        // front (0.84..) and back (0.13..) share an objective, and each row keeps its own figure
        assertThat(exportRow(rows, front).get("expectedProgress").asDouble()).isBetween(0.844, 0.848);
        assertThat(exportRow(rows, back).get("expectedProgress").asDouble()).isLessThan(0.2);
    }

    private static JsonNode exportRow(JsonNode rows, UUID keyResult) {
        for (JsonNode row : rows) {
            if (keyResult.toString().equals(row.get("keyResultId").asString())) {
                return row;
            }
        }
        throw new AssertionError("no export row for " + keyResult);
    }

    @Test
    void theReplayJudgesEachWeekAgainstThePlan() {
        JsonNode weeks = ok("/api/cycles/" + q.cycleId + "/replay").get("weeks");

        // week 4 ends at day 28: front expected 0.8 (progress 0.4), back 20 * 28 / 63 (progress 0.05)
        assertThat(behind(weeks.get(3))).containsExactlyInAnyOrder(front.toString(), backTwin.toString());
        assertThat(behind(weeks.get(5))).containsExactlyInAnyOrder(front.toString(), backTwin.toString());
        assertThat(weeks.get(3).get("expectedProgress").asDouble()).isCloseTo(28.0 / 91, within(1e-9));
    }

    @Test
    void theMigrationFillsCheckpointsOfKeyResultsProjectedBeforeItFromTheEventLog() throws IOException {
        List<String> before = checkpointRows();
        assertThat(before).hasSize(2);
        jdbc.sql("delete from key_result_checkpoint where key_result_id in (?, ?)")
                .params(front, back)
                .update();
        assertThat(checkpointRows()).isEmpty();

        String migration = new ClassPathResource("db/query/V5__key_result_checkpoints.sql")
                .getContentAsString(StandardCharsets.UTF_8);
        jdbc.sql(migration.substring(migration.indexOf("insert into key_result_checkpoint")))
                .update();

        assertThat(checkpointRows()).isEqualTo(before);
    }

    private List<String> checkpointRows() {
        return jdbc.sql("""
                        select key_result_id, position, on_date, expected_value from key_result_checkpoint
                         where key_result_id in (?, ?) order by 1, 2""")
                .params(front, back)
                .query((rs, n) -> rs.getString(1) + "/" + rs.getInt(2) + "/" + rs.getString(3) + "/"
                        + rs.getBigDecimal(4).stripTrailingZeros().toPlainString())
                .list();
    }

    private static JsonNode objective(JsonNode board, UUID id) {
        for (JsonNode group : board.get("groups")) {
            for (JsonNode objective : group.get("objectives")) {
                if (objective.get("id").asString().equals(id.toString())) {
                    return objective;
                }
            }
        }
        throw new AssertionError("no objective " + id);
    }

    private static JsonNode row(JsonNode board, UUID keyResult) {
        for (JsonNode group : board.get("groups")) {
            for (JsonNode objective : group.get("objectives")) {
                for (JsonNode kr : objective.get("keyResults")) {
                    if (kr.get("id").asString().equals(keyResult.toString())) {
                        return kr;
                    }
                }
            }
        }
        throw new AssertionError("no key result " + keyResult);
    }

    /** Key results on the at-risk list for being behind pace. */
    private static List<String> atRisk(JsonNode board) {
        List<String> ids = new ArrayList<>();
        board.get("atRisk")
                .forEach(r -> r.get("reasons").forEach(reason -> {
                    if (reason.asString().equals("BEHIND_PACE")) {
                        ids.add(r.get("keyResultId").asString());
                    }
                }));
        return ids;
    }

    private static List<String> behind(JsonNode week) {
        List<String> ids = new ArrayList<>();
        week.get("behindPace").forEach(k -> ids.add(k.get("keyResultId").asString()));
        return ids;
    }
}
