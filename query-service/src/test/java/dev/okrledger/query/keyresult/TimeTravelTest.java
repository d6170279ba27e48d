package dev.okrledger.query.keyresult;

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
        JsonNode krThen = boardThen.get("groups").get(0).get("objectives").get(0).get("keyResults").get(0);
        assertThat(krThen.get("value").decimalValue()).isEqualByComparingTo("10");
        assertThat(boardThen.get("counts").get("green").asInt()).isEqualTo(1);

        JsonNode now = ok("/api/key-results/" + frt + "/detail");
        assertThat(now.get("series")).hasSize(3);
        assertThat(now.get("series").get(2).get("value").decimalValue()).isEqualByComparingTo("6");
        assertThat(now.get("current").get("confidence").asInt()).isEqualTo(4);
        JsonNode krNow = ok("/api/cycles/" + q.cycleId + "/dashboard").get("groups").get(0).get("objectives").get(0)
                .get("keyResults").get(0);
        assertThat(krNow.get("value").decimalValue()).isEqualByComparingTo("6");
        assertThat(krNow.get("band").asString()).isEqualTo("AMBER");
    }

    @Test
    void beforeItWasDefinedAKeyResultIsUnknown() {
        Quarter q = new Quarter(intake, LocalDate.now(ZoneOffset.UTC).minusWeeks(2), 13).plannedAndActive();
        UUID objective = q.objective("O", ObjectiveLevel.TEAM, "t", null);
        Instant before = q.day(0);
        q.at(q.day(3));
        UUID kr = q.keyResult(objective, "kr", 0, 10);

        assertThat(get("/api/key-results/" + kr + "/detail?asOf=" + before).status()).isEqualTo(404);
        assertThat(get("/api/key-results/" + kr + "/detail?asOf=" + q.day(4)).status()).isEqualTo(200);
        Answer bad = get("/api/key-results/" + kr + "/detail?asOf=2025-13-01T00:00:00Z");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().get("field").asString()).isEqualTo("asOf");
        assertThat(get("/api/key-results/" + UUID.randomUUID() + "/detail").status()).isEqualTo(404);
    }
}
