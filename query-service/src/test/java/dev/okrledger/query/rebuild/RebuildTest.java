package dev.okrledger.query.rebuild;

import dev.okrledger.contract.event.InitiativeStatus;
import dev.okrledger.contract.event.ObjectiveLevel;
import dev.okrledger.query.support.People;
import dev.okrledger.query.support.Quarter;
import dev.okrledger.query.support.QueryServiceTest;
import dev.okrledger.security.Role;
import dev.okrledger.security.TestTokens;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A rebuild from the event log ends with exactly the read models the incremental intake built. */
class RebuildTest extends QueryServiceTest {

    @Test
    void onlyLeadsAndAdminsMayRebuild() {
        Answer member = postAs("/api/admin/rebuild", TestTokens.bearer("ana", Set.of("support"), Set.of(Role.MEMBER)));
        assertThat(member.status()).isEqualTo(403);
        assertThat(member.body().get("rule").asString()).isEqualTo("rebuild-needs-lead-or-admin");
        assertThat(postAs("/api/admin/rebuild", null).status()).isEqualTo(401);
        assertThat(get("/api/admin/rebuild").status()).isEqualTo(200);
    }

    @Test
    void rebuiltReadModelsEqualTheIncrementallyBuiltOnes() {
        Quarter q = new Quarter(intake, LocalDate.now(ZoneOffset.UTC).minusWeeks(6), 13).plannedAndActive();
        UUID company = q.objective("Company", ObjectiveLevel.COMPANY, "leadership", null);
        UUID team = q.objective("Team", ObjectiveLevel.TEAM, "support", company);
        UUID a = q.keyResult(company, "a", 0, 10);
        UUID b = q.keyResult(team, "b", 12, 4);
        // planned checkpoints (V5): a front-loaded plan, and a decreasing one with two on one date
        UUID frontLoaded = q.plannedKeyResult(company, "front", 0, 100, q.checkpoint(28, 80));
        UUID backLoaded = q.plannedKeyResult(
                team, "back", 40, 10, q.checkpoint(14, 39), q.checkpoint(56, 30), q.checkpoint(56, 32));
        for (int week = 1; week <= 5; week++) {
            q.at(q.week(week));
            q.checkIn(a, q.week(week), week * 1.5, 8 - week % 3, "note " + week, null, week == 3 ? "pivot" : null);
            q.checkIn(b, q.week(week), 12 - week, 6 + week % 2);
            q.checkIn(frontLoaded, q.week(week), week * 14, 7);
            q.checkIn(backLoaded, q.week(week), 40 - week, 6);
        }
        q.at(q.week(6)).checkIn(b, q.day(30), 5, 2); // backdated
        // measurements (V6): one that becomes the latest value, one older than the latest check-in
        q.measure(b, q.day(40), 4.5, "helpdesk");
        q.measure(a, q.day(20), 3, "crm");
        // changes after definition: every V4 table and column gets rows
        UUID other = q.objective("Other", ObjectiveLevel.COMPANY, "leadership", null);
        q.rewordObjective(team, "Team", "Team, reworded");
        q.realign(team, company, other);
        q.rewordKeyResult(b, "b", "b, reworded");
        q.changeOwner(b, "owner-b", "someone");
        q.changeTarget(b, 4, 6, "harder than thought");
        UUID initiative = q.initiative(a, "i", "first idea", InitiativeStatus.PLANNED);
        q.startInitiative(a, initiative);
        q.pivot(a, initiative, "first idea", "second idea", "did not work", null);
        UUID stopped = q.initiative(a, "j", "other idea", InitiativeStatus.ACTIVE);
        q.stopInitiative(a, stopped, "no time");
        UUID milestones = q.milestoneKeyResult(team, "m", "one", "two");
        q.milestonesDone(milestones, q.week(6), 7, "one");
        q.drop(q.keyResult(team, "c", 0, 1, null), "duplicate");
        UUID retired = q.objective("Retired", ObjectiveLevel.TEAM, "support", company);
        q.retire(retired, "merged");
        q.retrospectiveNote(company, "note");
        q.grade(a, 7.5, 0.75);
        // the people directory (V8): every column gets a value
        String person = "ana-" + UUID.randomUUID();
        new People(intake)
                .registered(person, "Ana", "ana@example.org", "Europe/Lisbon", List.of("support"))
                .teams(person, List.of("support", "growth"), List.of("support"))
                .handles(person, "support-lead");
        Map<String, String> incremental = snapshot();
        assertThat(incremental.keySet())
                .contains(
                        "key_result_target_change",
                        "initiative_view",
                        "initiative_pivot",
                        "objective_retrospective_note");
        assertThat(incremental.get("key_result_checkpoint")).contains(frontLoaded.toString(), backLoaded.toString());
        assertThat(incremental.get("measurement_history")).contains(a.toString(), b.toString());
        assertThat(incremental.get("person_view")).contains(person, "support-lead");
        JsonNode plannedBefore = ok("/api/key-results/" + frontLoaded + "/detail?asOf=" + q.day(42));
        assertThat(plannedBefore.get("current").get("pace").asString()).isEqualTo("BEHIND"); // 0.70 < 0.84 - 0.10
        String detail = "/api/key-results/" + a + "/detail?asOf=" + q.day(42);
        JsonNode detailBefore = ok(detail);
        assertThat(detailBefore.get("pivots")).hasSize(1);
        List<String> indexes = indexNames();
        String board = "/api/cycles/" + q.cycleId + "/dashboard?asOf=" + q.day(42); // a fixed clock
        JsonNode boardBefore = ok(board);

        // a projection bug or a manual edit damaged the live read models
        jdbc.sql("delete from check_in_history where key_result_id = ?")
                .param(a)
                .update();
        jdbc.sql("update objective_view set title = 'oops' where objective_id = ?")
                .param(team)
                .update();
        jdbc.sql("delete from initiative_pivot").update();
        jdbc.sql("update key_result_view set dropped_at = null, target = 1").update();
        jdbc.sql("delete from key_result_checkpoint where key_result_id = ?")
                .param(frontLoaded)
                .update();
        jdbc.sql("update person_view set handles = '{}', leads = '{}'").update();
        assertThat(snapshot()).isNotEqualTo(incremental);

        Answer started = post("/api/admin/rebuild");
        assertThat(started.status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () -> assertThat(ok("/api/admin/rebuild").get("state").asString())
                                .isEqualTo("COMPLETED"));

        JsonNode status = ok("/api/admin/rebuild");
        assertThat(status.get("eventsDone").asLong())
                .isEqualTo(status.get("eventsTotal").asLong())
                .isPositive();
        assertThat(snapshot()).isEqualTo(incremental);
        assertThat(indexNames()).isEqualTo(indexes);
        assertThat(ok(board)).isEqualTo(boardBefore);
        assertThat(ok(detail)).isEqualTo(detailBefore);
        assertThat(ok("/api/key-results/" + frontLoaded + "/detail?asOf=" + q.day(42)))
                .isEqualTo(plannedBefore);
        assertThat(jdbc.sql("select count(*) from pg_namespace where nspname like 'okr_%'")
                        .query(Long.class)
                        .single())
                .isZero();

        // the intake keeps working on the swapped-in tables
        q.at(q.week(6)).checkIn(a, q.week(6), 9, 9);
        assertThat(ok("/api/key-results/" + a + "/confidence-history")).hasSize(6);
    }

    /** Every read-model table (every table but the event log, the intake positions and Flyway's) as sorted JSON rows. */
    private Map<String, String> snapshot() {
        Map<String, String> tables = new LinkedHashMap<>();
        List<String> readModels = jdbc.sql("""
                        select tablename from pg_tables where schemaname = current_schema()
                           and tablename not in ('event_log', 'applied_position', 'flyway_schema_history')
                         order by 1""").query(String.class).list();
        for (String table : readModels) {
            tables.put(
                    table,
                    jdbc.sql("select coalesce(json_agg(t order by t::text), '[]')::text from " + table + " t")
                            .query(String.class)
                            .single());
        }
        return tables;
    }

    private List<String> indexNames() {
        return jdbc.sql("select indexname from pg_indexes where schemaname = current_schema() order by 1")
                .query(String.class)
                .list();
    }
}
