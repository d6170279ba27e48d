package dev.okrledger.command.directory;

import dev.okrledger.command.directory.CycleFacts.CycleStatus;
import dev.okrledger.contract.event.Cadence;
import dev.okrledger.contract.event.CycleActivated;
import dev.okrledger.contract.event.CycleClosed;
import dev.okrledger.contract.event.CyclePlanned;
import dev.okrledger.contract.event.KeyResultDefined;
import dev.okrledger.contract.event.KeyResultOwnerChanged;
import dev.okrledger.contract.event.ObjectiveDefined;
import dev.okrledger.contract.event.ObjectiveRealigned;
import dev.okrledger.contract.event.ObjectiveRetired;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The {@link Directory} in the command side's own database of cycles, objectives and key results, written by a subscribing
 * processor in the transaction that appends the events, so it is never behind the event store.
 * Handlers use it to validate references across aggregates before an aggregate decides.
 */
@Component
@ProcessingGroup("command-directory")
public class JdbcDirectory implements Directory {

    private final JdbcClient jdbc;

    public JdbcDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static final String CYCLE_COLUMNS = "c.cycle_id, c.starts_on, c.ends_on, c.cadence, c.status";

    private static final RowMapper<CycleFacts> CYCLE = (rs, n) -> new CycleFacts(
            rs.getObject(1, UUID.class),
            rs.getObject(2, LocalDate.class),
            rs.getObject(3, LocalDate.class),
            Cadence.valueOf(rs.getString(4)),
            CycleStatus.valueOf(rs.getString(5)));

    @Override
    public Optional<CycleFacts> cycle(UUID cycleId) {
        return jdbc.sql("select " + CYCLE_COLUMNS + " from cycle_directory c where c.cycle_id = ?")
                .param(cycleId)
                .query(CYCLE)
                .optional();
    }

    @Override
    public Optional<ObjectiveFacts> objective(UUID objectiveId) {
        return jdbc.sql("select objective_id, cycle_id, team, parent_objective_id, retired"
                        + " from objective_directory where objective_id = ?")
                .param(objectiveId)
                .query((rs, n) -> new ObjectiveFacts(
                        rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class),
                        rs.getString(3),
                        rs.getObject(4, UUID.class),
                        rs.getBoolean(5)))
                .optional();
    }

    @Override
    public Optional<CycleFacts> cycleOfKeyResult(UUID keyResultId) {
        // one round trip: this lookup runs for every check-in
        return jdbc.sql("select " + CYCLE_COLUMNS + " from key_result_directory k"
                        + " join cycle_directory c on c.cycle_id = k.cycle_id where k.key_result_id = ?")
                .param(keyResultId)
                .query(CYCLE)
                .optional();
    }

    @Override
    public Optional<KeyResultAccess> keyResultAccess(UUID keyResultId) {
        return jdbc.sql("select o.team, k.owner from key_result_directory k"
                        + " join objective_directory o on o.objective_id = k.objective_id where k.key_result_id = ?")
                .param(keyResultId)
                .query((rs, n) -> new KeyResultAccess(rs.getString(1), rs.getString(2)))
                .optional();
    }

    @Override
    public Optional<KeyResultFacts> keyResult(UUID keyResultId) {
        // one round trip for every change to a key result: its cycle and who may change it
        return jdbc.sql("select " + CYCLE_COLUMNS + ", o.team, k.owner from key_result_directory k"
                        + " join cycle_directory c on c.cycle_id = k.cycle_id"
                        + " join objective_directory o on o.objective_id = k.objective_id where k.key_result_id = ?")
                .param(keyResultId)
                .query((rs, n) ->
                        new KeyResultFacts(CYCLE.mapRow(rs, n), new KeyResultAccess(rs.getString(6), rs.getString(7))))
                .optional();
    }

    @Override
    public List<UUID> keyResultsOf(UUID cycleId) {
        return jdbc.sql("select key_result_id from key_result_directory where cycle_id = ? order by key_result_id")
                .param(cycleId)
                .query(UUID.class)
                .list();
    }

    @EventHandler
    void on(CyclePlanned e) {
        jdbc.sql("insert into cycle_directory(cycle_id, starts_on, ends_on, cadence, status) values (?, ?, ?, ?, ?)")
                .params(e.cycleId(), e.startsOn(), e.endsOn(), e.cadence().name(), CycleStatus.PLANNING.name())
                .update();
    }

    @EventHandler
    void on(CycleActivated e) {
        setStatus(e.cycleId(), CycleStatus.ACTIVE);
    }

    @EventHandler
    void on(CycleClosed e) {
        setStatus(e.cycleId(), CycleStatus.CLOSED);
    }

    @EventHandler
    void on(ObjectiveDefined e) {
        jdbc.sql(
                        "insert into objective_directory(objective_id, cycle_id, team, parent_objective_id) values (?, ?, ?, ?)")
                .params(e.objectiveId(), e.cycleId(), e.team(), e.parentObjectiveId())
                .update();
    }

    @EventHandler
    void on(ObjectiveRealigned e) {
        jdbc.sql("update objective_directory set parent_objective_id = ? where objective_id = ?")
                .params(e.toParentObjectiveId(), e.objectiveId())
                .update();
    }

    @EventHandler
    void on(ObjectiveRetired e) {
        jdbc.sql("update objective_directory set retired = true where objective_id = ?")
                .param(e.objectiveId())
                .update();
    }

    @EventHandler
    void on(KeyResultDefined e) {
        jdbc.sql("insert into key_result_directory(key_result_id, objective_id, cycle_id, owner) values (?, ?, ?, ?)")
                .params(e.keyResultId(), e.objectiveId(), e.cycleId(), e.owner())
                .update();
    }

    @EventHandler
    void on(KeyResultOwnerChanged e) {
        jdbc.sql("update key_result_directory set owner = ? where key_result_id = ?")
                .params(e.toOwner(), e.keyResultId())
                .update();
    }

    private void setStatus(UUID cycleId, CycleStatus status) {
        jdbc.sql("update cycle_directory set status = ? where cycle_id = ?")
                .params(status.name(), cycleId)
                .update();
    }
}
