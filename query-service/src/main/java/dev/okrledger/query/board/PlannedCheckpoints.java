package dev.okrledger.query.board;

import dev.okrledger.contract.event.Checkpoint;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** Reads the planned checkpoints of key results, in the order their definition lists them. */
@Component
public class PlannedCheckpoints {

    private record Row(UUID keyResultId, Checkpoint checkpoint) {}

    private final JdbcClient jdbc;

    PlannedCheckpoints(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Key results of the cycle that have checkpoints; a key result missing here paces linearly. */
    public Map<UUID, List<Checkpoint>> ofCycle(UUID cycleId) {
        return jdbc
                .sql("""
                        select p.key_result_id, p.on_date, p.expected_value
                          from key_result_checkpoint p join key_result_view k on k.key_result_id = p.key_result_id
                         where k.cycle_id = ? order by p.key_result_id, p.position""")
                .param(cycleId)
                .query((rs, n) -> new Row(
                        rs.getObject("key_result_id", UUID.class),
                        new Checkpoint(rs.getObject("on_date", LocalDate.class), rs.getBigDecimal("expected_value"))))
                .list()
                .stream()
                .collect(Collectors.groupingBy(
                        Row::keyResultId, Collectors.mapping(Row::checkpoint, Collectors.toList())));
    }

    public List<Checkpoint> ofKeyResult(UUID keyResultId) {
        return jdbc.sql("""
                        select on_date, expected_value from key_result_checkpoint
                         where key_result_id = ? order by position""")
                .param(keyResultId)
                .query((rs, n) ->
                        new Checkpoint(rs.getObject("on_date", LocalDate.class), rs.getBigDecimal("expected_value")))
                .list();
    }
}
