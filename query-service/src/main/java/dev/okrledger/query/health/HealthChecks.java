package dev.okrledger.query.health;

import dev.okrledger.query.health.HealthWarning.Kind;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The OKR-set warnings of docs/domain.md; limits are configuration ({@code okr.health.*}). Retired
 * objectives and dropped key results are left out.
 */
@Component
class HealthChecks {

    private record ObjectiveRow(UUID id, String title, String level, String team, UUID parentId, int keyResults) {}

    private final JdbcClient jdbc;
    private final HealthReport.Limits limits;

    HealthChecks(
            JdbcClient jdbc,
            @Value("${okr.health.min-key-results-per-objective:2}") int minKeyResults,
            @Value("${okr.health.max-key-results-per-objective:5}") int maxKeyResults,
            @Value("${okr.health.max-objectives-per-team:3}") int maxObjectivesPerTeam) {
        this.jdbc = jdbc;
        this.limits = new HealthReport.Limits(minKeyResults, maxKeyResults, maxObjectivesPerTeam);
    }

    HealthReport check(UUID cycleId) {
        List<ObjectiveRow> objectives = jdbc.sql("""
                        select o.objective_id, o.title, o.level, o.team, o.parent_objective_id,
                               (select count(*) from key_result_view k
                                 where k.objective_id = o.objective_id and k.dropped_at is null) as krs
                          from objective_view o where o.cycle_id = ? and o.retired_at is null
                         order by o.level, o.team, o.title""")
                .param(cycleId)
                .query((rs, n) -> new ObjectiveRow(
                        rs.getObject("objective_id", UUID.class),
                        rs.getString("title"),
                        rs.getString("level"),
                        rs.getString("team"),
                        rs.getObject("parent_objective_id", UUID.class),
                        rs.getInt("krs")))
                .list();
        List<HealthWarning> warnings = new ArrayList<>();
        for (ObjectiveRow o : objectives) {
            if (o.keyResults() < limits.minKeyResultsPerObjective()) {
                warnings.add(HealthWarning.objective(
                        Kind.TOO_FEW_KEY_RESULTS,
                        o.id(),
                        o.team(),
                        "'" + o.title()
                                + "' has " + o.keyResults() + " key results; at least "
                                + limits.minKeyResultsPerObjective()
                                + " show whether it is met"));
            } else if (o.keyResults() > limits.maxKeyResultsPerObjective()) {
                warnings.add(HealthWarning.objective(
                        Kind.TOO_MANY_KEY_RESULTS,
                        o.id(),
                        o.team(),
                        "'" + o.title()
                                + "' has " + o.keyResults() + " key results; more than "
                                + limits.maxKeyResultsPerObjective()
                                + " dilute focus"));
            }
            if ("TEAM".equals(o.level()) && o.parentId() == null) {
                warnings.add(HealthWarning.objective(
                        Kind.UNALIGNED_TEAM_OBJECTIVE,
                        o.id(),
                        o.team(),
                        "Team objective '" + o.title() + "' is not aligned to any parent objective"));
            }
        }
        Map<String, Long> perTeam = objectives.stream()
                .collect(Collectors.groupingBy(ObjectiveRow::team, java.util.TreeMap::new, Collectors.counting()));
        perTeam.forEach((team, count) -> {
            if (count > limits.maxObjectivesPerTeam()) {
                warnings.add(new HealthWarning(
                        Kind.TOO_MANY_OBJECTIVES_FOR_TEAM,
                        "team",
                        team,
                        team,
                        "Team '" + team
                                + "' has " + count + " objectives in this cycle; more than "
                                + limits.maxObjectivesPerTeam()
                                + " spread it thin"));
            }
        });
        // A metric key result needs a measurement definition (what is counted, what is left out, where the
        // number comes from); a milestone key result is defined by its milestones. A missing baseline
        // cannot happen: every KeyResultDefined has one (the command side requires it; milestone KRs start at 0).
        jdbc.sql("""
                        select k.key_result_id, k.title, o.team from key_result_view k
                          join objective_view o on o.objective_id = k.objective_id
                         where k.cycle_id = ? and k.dropped_at is null and o.retired_at is null and k.kind = 'METRIC'
                           and coalesce(btrim(k.measurement_counted), '') = ''
                           and coalesce(btrim(k.measurement_source), '') = ''
                         order by o.team, k.title""")
                .param(cycleId)
                .query((rs, n) -> new HealthWarning(
                        Kind.KEY_RESULT_WITHOUT_MEASUREMENT_DEFINITION,
                        "key-result",
                        rs.getObject("key_result_id", UUID.class).toString(),
                        rs.getString("team"),
                        "Key result '" + rs.getString("title") + "' does not say what is counted or where the number"
                                + " comes from"))
                .list()
                .forEach(warnings::add);
        return new HealthReport(cycleId, limits, warnings, List.of());
    }
}
