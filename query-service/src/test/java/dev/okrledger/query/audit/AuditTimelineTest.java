package dev.okrledger.query.audit;

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

/** The audit timeline is read from the stored envelopes: who, when and before/after per change. */
class AuditTimelineTest extends QueryServiceTest {

    @Test
    void everyChangeOfAnObjectiveAndItsKeyResultsInOrderWithActorAndBeforeAfter() {
        Quarter q = new Quarter(intake, LocalDate.now(ZoneOffset.UTC).minusWeeks(4), 13).plannedAndActive();
        UUID objective = q.objective("Faster support", ObjectiveLevel.TEAM, "support", null);
        UUID frt = q.keyResult(objective, "frt", 12, 4);
        q.at(q.week(1)).checkIn(frt, q.week(1), 11, 8);
        q.at(q.week(2)).checkIn(frt, q.week(2), 9, 4, null, "Two agents left", "Hire a contractor");

        JsonNode timeline = ok("/api/objectives/" + objective + "/audit");
        List<String> types = new ArrayList<>();
        timeline.forEach(e -> types.add(e.get("type").asString()));
        assertThat(types)
                .containsExactly(
                        "ObjectiveDefined",
                        "KeyResultDefined",
                        "CheckInRecorded",
                        "CheckInRecorded",
                        "ConfidenceChanged");
        JsonNode secondCheckIn = timeline.get(3);
        assertThat(secondCheckIn.get("actor").asString()).isEqualTo("ana");
        assertThat(secondCheckIn.get("occurredAt").asString())
                .isEqualTo(q.week(2).plusMillis(1).toString());
        assertThat(secondCheckIn.get("subject").asString()).isEqualTo("key-result");
        assertThat(change(secondCheckIn, "value").get("before").decimalValue()).isEqualByComparingTo("11");
        assertThat(change(secondCheckIn, "value").get("after").decimalValue()).isEqualByComparingTo("9");
        assertThat(change(secondCheckIn, "decision").get("after").asString()).isEqualTo("Hire a contractor");
        JsonNode drop = timeline.get(4);
        assertThat(change(drop, "confidence").get("before").asInt()).isEqualTo(8);
        assertThat(change(drop, "confidence").get("after").asInt()).isEqualTo(4);
        assertThat(change(drop, "band").get("after").asString()).isEqualTo("AMBER");

        assertThat(ok("/api/key-results/" + frt + "/audit")).hasSize(4);
        assertThat(get("/api/objectives/" + UUID.randomUUID() + "/audit").status())
                .isEqualTo(404);
    }

    private static JsonNode change(JsonNode entry, String field) {
        for (JsonNode change : entry.get("changes")) {
            if (change.get("field").asString().equals(field)) {
                return change;
            }
        }
        throw new AssertionError("no change of " + field + " in " + entry);
    }
}
