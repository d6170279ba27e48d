package dev.okrledger.query.cycle;

import dev.okrledger.query.support.Quarter;
import dev.okrledger.query.support.QueryServiceTest;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A cycle as known at a moment: what the time-travelling pages show beside a past board. */
class CycleAsKnownTest extends QueryServiceTest {

    @Test
    void aCycleAsKnownThenHasItsStatusThenAndIsUnknownBeforeItWasPlanned() {
        Quarter q = new Quarter(intake, LocalDate.now(ZoneOffset.UTC).minusWeeks(4), 13);
        q.at(q.day(-3));
        q.plannedAndActive();
        q.at(q.day(20)).closed();

        String base = "/api/cycles/" + q.cycleId;
        assertThat(ok(base).get("status").asString()).isEqualTo("CLOSED");
        assertThat(ok(base + "?asOf=" + q.day(10)).get("status").asString()).isEqualTo("ACTIVE");
        Answer beforePlanning = get(base + "?asOf=" + q.day(-10));
        assertThat(beforePlanning.status()).isEqualTo(404);
        assertThat(beforePlanning.body().get("rule").asString()).isEqualTo("unknown-cycle");
    }

    @Test
    void anUnknownCycleIs404AndAnUnreadableMomentIs400() {
        Answer unknown = get("/api/cycles/" + UUID.randomUUID() + "?asOf=2026-01-01T00:00:00Z");
        Answer badMoment = get("/api/cycles/" + UUID.randomUUID() + "?asOf=yesterday");

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(badMoment.status()).isEqualTo(400);
        assertThat(badMoment.body().get("rule").asString()).isEqualTo("invalid-as-of");
        assertThat(badMoment.body().get("field").asString()).isEqualTo("asOf");
    }
}
