package dev.okrledger.query.rebuild;

import dev.okrledger.contract.event.OkrEvent;
import dev.okrledger.query.audit.EventLog;
import dev.okrledger.query.intake.ReadModelProjection;
import dev.okrledger.support.problem.Conflict;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Rebuilds every read model from the event log into shadow tables while the live ones keep serving
 * and keep taking new events; then, in one transaction that holds back the intake, applies the
 * last events and swaps the shadow tables in. Readers see the old state or the new, never a mix.
 */
@Component
class ReadModelRebuild implements AutoCloseable {

    /** Events read from the log at a time; each lane sends its share of them as one set of JDBC batches. */
    private static final int BATCH = 2_000;

    /**
     * Events of different objectives (and cycles) touch different rows, and the live intake already
     * takes them in any order: the catch-up replays each batch in this many lanes at once, split by
     * partition key, each lane in its own transaction, so one lane's SQL runs while another's Java
     * does (decision 0033).
     */
    private final int lanes;

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;
    private final TransactionTemplate transactions;
    private final EventLog log;
    private final List<ReadModelProjection> projections;
    private final ShadowTables tables;
    private final RebuildProgress progress;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "read-model-rebuild"));
    private final ExecutorService laneWorkers;
    private final ExecutorService reader =
            Executors.newSingleThreadExecutor(r -> new Thread(r, "read-model-rebuild-reader"));
    private final ExecutorService decoders;

    ReadModelRebuild(
            JdbcClient jdbc,
            JdbcTemplate batches,
            TransactionTemplate transactions,
            EventLog log,
            List<ReadModelProjection> projections,
            ShadowTables tables,
            RebuildProgress progress,
            @Value("${okr.rebuild.lanes:2}") int lanes) {
        this.lanes = Math.max(1, lanes);
        this.laneWorkers = Executors.newFixedThreadPool(this.lanes, r -> new Thread(r, "read-model-rebuild-lane"));
        this.decoders = Executors.newFixedThreadPool(this.lanes, r -> new Thread(r, "read-model-rebuild-decoder"));
        this.jdbc = jdbc;
        this.batches = batches;
        this.transactions = transactions;
        this.log = log;
        this.projections = projections;
        this.tables = tables;
        this.progress = progress;
    }

    /** Starts a rebuild in the background. */
    RebuildStatus start() {
        requireCompleteLog();
        if (!progress.start(log.lastPosition())) {
            throw new Conflict("rebuild-running", "A rebuild is already running");
        }
        worker.submit(this::run);
        return progress.current();
    }

    private void run() {
        String live = tables.liveSchema();
        try {
            String serverStarted = tables.serverStartedAt();
            tables.create(live);
            long position = 0;
            long done = 0;
            // counted again only when reached: a count per batch reads the rest of the log each time
            long expected = log.countAfter(0);
            // catch up until the log holds nothing new, then let the swap take the last few;
            // the next batch is read and decoded while the lanes write this one
            List<EventLog.Entry> batch = read(position);
            while (!batch.isEmpty()) {
                long after = batch.get(batch.size() - 1).position();
                Future<List<EventLog.Entry>> next = reader.submit(() -> read(after));
                applyInLanes(live, batch);
                position = after;
                done += batch.size();
                if (done >= expected) {
                    expected = done + log.countAfter(position);
                }
                progress.advance(done, expected);
                batch = await(next);
            }
            tables.makeDurable();
            long from = position;
            long tail = transactions.execute(s -> {
                // the intake claims its position first in every transaction: this lock holds it back
                jdbc.sql("lock table " + live + ".applied_position in exclusive mode")
                        .update();
                if (!serverStarted.equals(tables.serverStartedAt())) {
                    // crash recovery empties unlogged tables, and asynchronous commits may be lost
                    throw new IllegalStateException("PostgreSQL restarted during the rebuild; its shadow tables "
                            + "may have lost rows, start the rebuild again");
                }
                long applied = 0;
                long at = from;
                for (List<EventLog.Entry> rest = log.after(at, BATCH); !rest.isEmpty(); rest = log.after(at, BATCH)) {
                    applyToShadow(live, rest);
                    at = rest.get(rest.size() - 1).position();
                    applied += rest.size();
                }
                tables.swap(live);
                return applied;
            });
            progress.advance(done + tail, done + tail);
            progress.completed();
        } catch (RuntimeException e) {
            progress.failed(e);
            try {
                tables.drop();
            } catch (RuntimeException ignored) {
                // the next rebuild drops it first anyway
            }
        }
    }

    /**
     * The next batch of the log, decoded in as many parts at once as there are lanes: decoding the
     * JSON is most of the rebuild's Java work (decision 0034).
     */
    private List<EventLog.Entry> read(long after) {
        List<EventLog.Stored> stored = log.storedAfter(after, BATCH);
        int part = Math.max(1, (stored.size() + lanes - 1) / lanes);
        List<Future<List<EventLog.Entry>>> parts = new ArrayList<>();
        for (int from = 0; from < stored.size(); from += part) {
            List<EventLog.Stored> slice = stored.subList(from, Math.min(stored.size(), from + part));
            parts.add(decoders.submit(
                    () -> slice.stream().map(EventLog.Stored::decoded).toList()));
        }
        List<EventLog.Entry> batch = new ArrayList<>(stored.size());
        for (Future<List<EventLog.Entry>> decoded : parts) {
            batch.addAll(await(decoded));
        }
        return batch;
    }

    /** The batch split by partition key; each lane in its own transaction, all at once; returns when all committed. */
    private void applyInLanes(String live, List<EventLog.Entry> batch) {
        List<List<EventLog.Entry>> split = new ArrayList<>();
        for (int i = 0; i < lanes; i++) {
            split.add(new ArrayList<>());
        }
        for (EventLog.Entry entry : batch) {
            String key = ((OkrEvent) entry.envelope().payload()).partitionKey();
            split.get(Math.floorMod(key.hashCode(), lanes)).add(entry);
        }
        List<Future<?>> running = new ArrayList<>();
        for (List<EventLog.Entry> lane : split) {
            if (!lane.isEmpty()) {
                running.add(laneWorkers.submit(() -> transactions.executeWithoutResult(s -> {
                    // a lane's commit need not wait for the disk: the shadow tables are unlogged until
                    // makeDurable, and a server restart fails the rebuild (decision 0034)
                    jdbc.sql("select set_config('synchronous_commit', 'off', true)")
                            .query(String.class)
                            .single();
                    applyToShadow(live, lane);
                })));
            }
        }
        RuntimeException failure = null;
        for (Future<?> lane : running) {
            try {
                await(lane);
            } catch (RuntimeException e) {
                failure = e;
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** Unqualified table names in the projections resolve to the shadow tables for this transaction only. */
    private void applyToShadow(String live, List<EventLog.Entry> batch) {
        jdbc.sql("select set_config('search_path', ?, true)")
                .param(ShadowTables.SHADOW + ", " + live)
                .query(String.class)
                .single();
        ShadowBatch writes = new ShadowBatch();
        for (EventLog.Entry entry : batch) {
            writes.eventOf(((OkrEvent) entry.envelope().payload()).partitionKey());
            projections.forEach(p -> p.project(entry.envelope(), writes));
        }
        writes.execute(batches);
    }

    private static <T> T await(Future<T> next) {
        try {
            return next.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while rebuilding", e);
        }
    }

    /**
     * Read models of a database from before the event log existed (migration V2) cannot be rebuilt
     * from it: refuse rather than drop what the log does not hold.
     */
    private void requireCompleteLog() {
        long missing = jdbc.sql("""
                        select count(*) from applied_position p
                         where not exists (select 1 from event_log e
                                            where e.aggregate_id = p.aggregate_id and e.sequence = p.last_sequence)""").query(Long.class).single();
        if (missing > 0) {
            throw new Conflict(
                    "event-log-incomplete",
                    missing + " aggregates were taken in before the event log "
                            + "existed; rebuilding from the log would lose them (re-read okr.events into a fresh database)");
        }
    }

    @Override
    public void close() {
        worker.shutdownNow();
        laneWorkers.shutdownNow();
        reader.shutdownNow();
        decoders.shutdownNow();
    }
}
