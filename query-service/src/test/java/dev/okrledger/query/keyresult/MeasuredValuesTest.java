package dev.okrledger.query.keyresult;

import dev.okrledger.contract.event.ObjectiveLevel;
import dev.okrledger.query.support.Quarter;
import dev.okrledger.query.support.QueryServiceTest;
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

/**
 * The value of a key result follows check-ins and measurements in effective order, out of order as
 * they arrive: the latest moment wins, a check-in wins a tie with a measurement, two of a kind at one
 * moment keep the order of recording. Confidence, its band, trend and history follow check-ins only.
 */
class MeasuredValuesTest extends QueryServiceTest {

    @Test
    void valuesFollowCheckInsAndMeasurementsInEffectiveOrderAndConfidenceFollowsCheckInsOnly() {
        Quarter q = new Quarter(intake, LocalDate.now(ZoneOffset.UTC).minusWeeks(8), 13).plannedAndActive();
        UUID objective = q.objective("Ship faster", ObjectiveLevel.TEAM, "delivery", null);
        UUID kr = q.keyResult(objective, "deploys", 0, 100);
        q.at(q.week(1)).checkIn(kr, q.week(1), 10, 8);
        q.at(q.week(2)).measure(kr, q.week(2), 20, "warehouse");
        q.redeliverLast(); // taken in once
        q.at(q.week(3)).checkIn(kr, q.day(10), 15, 6); // backdated before the measurement
        q.at(q.week(4)).measure(kr, q.day(9), 12, "warehouse"); // an older observation, late
        q.measure(kr, q.week(3), 30, "warehouse");
        Instant beforeTheTie = q.week(4).plusSeconds(3600);
        q.at(q.week(5)).checkIn(kr, q.week(3), 28, 7); // the same moment as a measurement: it wins
        q.measure(kr, q.week(3), 33, "warehouse"); // and keeps winning against a later one
        q.measure(kr, q.week(4), 40, "warehouse");
        q.measure(kr, q.week(4), 41, "warehouse"); // same moment, same kind: recorded later wins

        JsonNode view = ok("/api/key-results/" + kr);
        assertThat(view.get("currentValue").decimalValue()).isEqualByComparingTo("41");
        assertThat(view.get("progress").asDouble()).isCloseTo(0.41, within(1e-9));
        assertThat(view.get("confidence").asInt()).isEqualTo(7);
        assertThat(Instant.parse(view.get("lastCheckInAt").asString())).isEqualTo(q.week(3));

        JsonNode detail = ok("/api/key-results/" + kr + "/detail");
        assertThat(values(detail)).containsExactly("10", "12", "15", "20", "30", "33", "28", "40", "41");
        assertThat(measured(detail)).containsExactly(false, true, false, true, true, true, false, true, true);
        JsonNode measuredPoint = detail.get("series").get(1);
        assertThat(measuredPoint.get("source").asString()).isEqualTo("warehouse");
        assertThat(measuredPoint.get("measurementId").asString()).isNotBlank();
        assertThat(measuredPoint.get("checkInId").isNull()).isTrue();
        assertThat(measuredPoint.get("confidence").isNull()).isTrue();
        assertThat(measuredPoint.get("band").isNull()).isTrue();
        assertThat(measuredPoint.get("pace").asString()).isIn("ON_TRACK", "BEHIND");
        JsonNode current = detail.get("current");
        assertThat(current.get("value").decimalValue()).isEqualByComparingTo("41");
        assertThat(current.get("measured").asBoolean()).isTrue();
        assertThat(current.get("confidence").asInt()).isEqualTo(7);
        assertThat(current.get("band").asString()).isEqualTo("GREEN");
        assertThat(current.get("trend").asString()).isEqualTo("UP"); // 6 -> 7; measurements in between do not count
        assertThat(current.get("pace").asString()).isEqualTo("BEHIND"); // 0.41 against about 0.62 expected

        assertThat(ok("/api/key-results/" + kr + "/confidence-history"))
                .extracting(c -> c.get("confidence").asInt())
                .containsExactly(8, 6, 7);

        JsonNode row = keyResultOnBoard(ok("/api/cycles/" + q.cycleId + "/dashboard"));
        assertThat(row.get("value").decimalValue()).isEqualByComparingTo("41");
        assertThat(row.get("measured").asBoolean()).isTrue();
        assertThat(row.get("confidence").asInt()).isEqualTo(7);
        assertThat(row.get("pace").asString()).isEqualTo("BEHIND");

        // as known before the tie was recorded: the measurement of week 3 was the latest value
        JsonNode then = ok("/api/key-results/" + kr + "/detail?asOf=" + beforeTheTie);
        assertThat(values(then)).containsExactly("10", "12", "15", "20", "30");
        assertThat(then.get("current").get("value").decimalValue()).isEqualByComparingTo("30");
        assertThat(then.get("current").get("confidence").asInt()).isEqualTo(6);
        assertThat(keyResultOnBoard(ok("/api/cycles/" + q.cycleId + "/dashboard?asOf=" + beforeTheTie))
                        .get("value")
                        .decimalValue())
                .isEqualByComparingTo("30");

        // week by week, everything known now: week 2 ends with the measurement, week 3 with the check-in of the tie
        JsonNode weeks = ok("/api/cycles/" + q.cycleId + "/replay").get("weeks");
        assertThat(keyResultOnWeek(weeks.get(1)).get("value").decimalValue()).isEqualByComparingTo("20");
        assertThat(keyResultOnWeek(weeks.get(2)).get("value").decimalValue()).isEqualByComparingTo("28");
        assertThat(keyResultOnWeek(weeks.get(2)).get("measured").asBoolean()).isFalse();
        assertThat(keyResultOnWeek(weeks.get(3)).get("value").decimalValue()).isEqualByComparingTo("41");
    }

    @Test
    void aMeasurementAtTheMomentOfTheLatestCheckInDoesNotReplaceItsValue() {
        Quarter q = new Quarter(intake, LocalDate.now(ZoneOffset.UTC).minusWeeks(4), 13).plannedAndActive();
        UUID objective = q.objective("Ship faster", ObjectiveLevel.TEAM, "delivery", null);
        UUID kr = q.keyResult(objective, "deploys", 0, 100);
        q.at(q.week(2)).checkIn(kr, q.week(2), 25, 7);
        q.measure(kr, q.week(2), 5, "warehouse");

        assertThat(ok("/api/key-results/" + kr).get("currentValue").decimalValue())
                .isEqualByComparingTo("25");
        JsonNode detail = ok("/api/key-results/" + kr + "/detail");
        assertThat(measured(detail)).containsExactly(true, false);
        assertThat(detail.get("current").get("measured").asBoolean()).isFalse();
        assertThat(keyResultOnBoard(ok("/api/cycles/" + q.cycleId + "/dashboard"))
                        .get("value")
                        .decimalValue())
                .isEqualByComparingTo("25");
    }

    @Test
    void aKeyResultWithMeasurementsOnlyHasAValueButNoConfidenceAndIsStale() {
        Quarter q = new Quarter(intake, LocalDate.now(ZoneOffset.UTC).minusWeeks(4), 13).plannedAndActive();
        UUID objective = q.objective("Ship faster", ObjectiveLevel.TEAM, "delivery", null);
        UUID kr = q.keyResult(objective, "deploys", 0, 100);
        q.at(q.week(3)).measure(kr, q.week(3), 50, "warehouse");

        JsonNode row = keyResultOnBoard(ok("/api/cycles/" + q.cycleId + "/dashboard"));
        assertThat(row.get("value").decimalValue()).isEqualByComparingTo("50");
        assertThat(row.get("pace").asString()).isEqualTo("ON_TRACK");
        assertThat(row.get("confidence").isNull()).isTrue();
        assertThat(row.get("band").isNull()).isTrue();
        assertThat(row.get("stale").asBoolean()).isTrue(); // people still owe a check-in
        assertThat(ok("/api/key-results/" + kr + "/confidence-history")).isEmpty();
        assertThat(jdbc.sql("select count(*) from measurement_history where key_result_id = ?")
                        .param(kr)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void theOpenApiDocumentShowsAMeasuredPoint() {
        JsonNode detail = ok("/v3/api-docs")
                .get("paths")
                .get("/api/key-results/{id}/detail")
                .get("get");
        assertThat(detail.get("description").asString()).contains("measured: true");
        JsonNode example = detail.get("responses")
                .get("200")
                .get("content")
                .get("application/json")
                .get("examples")
                .get("a measurement holds the value")
                .get("value");
        String text = example.isString() ? example.asString() : example.toString();
        assertThat(text).contains("\"measured\":true", "\"source\":\"warehouse-stream\"");
    }

    private static List<String> values(JsonNode detail) {
        List<String> values = new ArrayList<>();
        detail.get("series")
                .forEach(p -> values.add(
                        p.get("value").decimalValue().stripTrailingZeros().toPlainString()));
        return values;
    }

    private static List<Boolean> measured(JsonNode detail) {
        List<Boolean> measured = new ArrayList<>();
        detail.get("series").forEach(p -> measured.add(p.get("measured").asBoolean()));
        return measured;
    }

    private static JsonNode keyResultOnBoard(JsonNode board) {
        return board.get("groups")
                .get(0)
                .get("objectives")
                .get(0)
                .get("keyResults")
                .get(0);
    }

    private static JsonNode keyResultOnWeek(JsonNode week) {
        return week.get("objectives").get(0).get("keyResults").get(0);
    }
}
