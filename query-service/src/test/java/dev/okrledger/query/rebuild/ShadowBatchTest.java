package dev.okrledger.query.rebuild;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The rebuild's batches keep each partition key's statements in the order its events made them. */
class ShadowBatchTest {

    /** One statement as made: its text, partition key, event and place in the event. */
    private record Made(String sql, String key, int event, int step) {}

    /** An event of the generated log: its partition key and the statement texts its projection makes. */
    record Event(String key, List<String> statements) {}

    /** Takes the batches instead of a database, in the order they are sent. */
    private static final class Sent extends JdbcTemplate {
        final List<Made> statements = new ArrayList<>();
        final List<Integer> batchSizes = new ArrayList<>();

        @Override
        public int[] batchUpdate(String sql, List<? extends Object[]> rows) {
            batchSizes.add(rows.size());
            for (Object[] row : rows) {
                statements.add(new Made(sql, (String) row[0], (int) row[1], (int) row[2]));
            }
            return new int[rows.size()];
        }
    }

    @Property
    void everyKeysStatementsRunInTheOrderItsEventsMadeThem(@ForAll("logs") List<Event> log) {
        ShadowBatch batch = new ShadowBatch();
        Map<String, List<Made>> madeByKey = new LinkedHashMap<>();
        for (int event = 0; event < log.size(); event++) {
            Event e = log.get(event);
            batch.eventOf(e.key());
            for (int step = 0; step < e.statements().size(); step++) {
                String sql = e.statements().get(step);
                batch.update(sql, e.key(), event, step);
                madeByKey.computeIfAbsent(e.key(), k -> new ArrayList<>()).add(new Made(sql, e.key(), event, step));
            }
        }
        Sent sent = new Sent();
        batch.execute(sent);

        Map<String, List<Made>> sentByKey = new LinkedHashMap<>();
        sent.statements.forEach(
                s -> sentByKey.computeIfAbsent(s.key(), k -> new ArrayList<>()).add(s));
        assertThat(sentByKey).isEqualTo(madeByKey);
    }

    @Test
    void checkInsOfDifferentObjectivesShareOneBatchPerStatement() {
        ShadowBatch batch = new ShadowBatch();
        List<String> checkIn = List.of("insert into check_in_history", "update confidence", "update value");
        for (int objective = 0; objective < 100; objective++) {
            batch.eventOf("objective-" + objective);
            for (int step = 0; step < checkIn.size(); step++) {
                batch.update(checkIn.get(step), "objective-" + objective, objective, step);
            }
        }
        Sent sent = new Sent();
        batch.execute(sent);

        assertThat(sent.batchSizes).containsExactly(100, 100, 100);
    }

    @Test
    void aSecondCheckInOfTheSameObjectiveWaitsForItsFirst() {
        ShadowBatch batch = new ShadowBatch();
        List<String> checkIn = List.of("insert into check_in_history", "update confidence", "update value");
        for (int event = 0; event < 4; event++) {
            String key = event < 2 ? "objective-" + event : "objective-0";
            batch.eventOf(key);
            for (int step = 0; step < checkIn.size(); step++) {
                batch.update(checkIn.get(step), key, event, step);
            }
        }
        Sent sent = new Sent();
        batch.execute(sent);

        // objective-0's second and third check-ins each need their own round after its first
        assertThat(sent.batchSizes).containsExactly(2, 2, 2, 1, 1, 1, 1, 1, 1);
    }

    @Provide
    Arbitrary<List<Event>> logs() {
        Arbitrary<String> keys = Arbitraries.of("objective-a", "objective-b", "objective-c", "cycle-d");
        Arbitrary<List<String>> statements = Arbitraries.of("insert a", "insert b", "update a", "update b")
                .list()
                .ofMinSize(1)
                .ofMaxSize(4);
        return keys.flatMap(k -> statements.map(s -> new Event(k, s))).list().ofMaxSize(40);
    }
}
