package dev.okrledger.tools.faults;

import dev.okrledger.launcher.Service;
import dev.okrledger.tools.client.ApiClient;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

/**
 * Runs one case: a steady load, the fault injected after a warm-up and lifted, the load going on,
 * then the checks once the system caught up. Recovery is timed from the moment the fault is lifted
 * (a killed service started again, the broker or database back, the locks released, the receiver
 * answering) until check-ins are answered 201 again and every check-in acknowledged before that
 * moment is in the query side's history and judged by the notifier (and, for the webhook cases,
 * every alert change queued before it delivered).
 */
final class CaseRunner {

    private final FaultOptions options;
    private final FaultSystem system;
    private final Ledger ledger;
    private final ApiClient api;
    private final String token;
    private final List<UUID> keyResults;
    private final WebhookReceiver receiver;

    CaseRunner(
            FaultOptions options,
            FaultSystem system,
            ApiClient api,
            String token,
            List<UUID> keyResults,
            WebhookReceiver receiver) {
        this.options = options;
        this.system = system;
        this.ledger = new Ledger(system);
        this.api = api;
        this.token = token;
        this.keyResults = keyResults;
        this.receiver = receiver;
    }

    CaseResult run(FaultCase fault) throws Exception {
        Suite.say("case " + fault.title() + ": " + fault.description());
        return fault == FaultCase.HOSTILE_INPUT ? hostileInput() : underLoad(fault);
    }

    private CaseResult hostileInput() throws Exception {
        HostileInput.Result result = new HostileInput(
                        token, system.baseUrl(Service.COMMAND), system.baseUrl(Service.NOTIFIER))
                .run(List.of(
                        system.baseUrl(Service.COMMAND),
                        system.baseUrl(Service.QUERY),
                        system.baseUrl(Service.NOTIFIER)));
        List<String> failures =
                new ArrayList<>(result.violations().stream().limit(20).toList());
        if (result.violations().size() > 20) {
            failures.add("… and " + (result.violations().size() - 20) + " more");
        }
        Suite.say(String.format(
                "  %d operations, %d requests, answered %s",
                result.operations(), result.requests(), result.byStatus()));
        return new CaseResult(
                FaultCase.HOSTILE_INPUT,
                "no load; " + result.operations() + " operations",
                result.requests(),
                0,
                0,
                0,
                null,
                result.byStatus(),
                HostileInput.summary(result),
                failures);
    }

    private CaseResult underLoad(FaultCase fault) throws Exception {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("loadAverageBefore", Suite.loadAverage());
        long twiceBefore = receiver.changesAcceptedTwice();
        CheckInLoad load =
                new CheckInLoad(system.baseUrl(Service.COMMAND), token, keyResults, options.rate(), fault.title());
        Double recovery;
        try {
            Thread.sleep(options.warmUp().toMillis());
            long lifted = inject(fault);
            recovery = awaitRecovery(fault, load, lifted);
        } finally {
            load.close();
        }
        details.put("loadAverageAfter", Suite.loadAverage());
        details.put("peakResidentMiB", system.peakResidentMiB());
        List<String> failures = new ArrayList<>();
        Set<UUID> acknowledged = load.acknowledgedIds();
        boolean settled = settle(acknowledged);
        if (!settled) {
            failures.add("did not catch up within " + options.patience().toSeconds() + " s");
        }
        if (recovery == null) {
            failures.add("did not recover within " + options.patience().toSeconds() + " s");
        }
        Map<UUID, Integer> stored = ledger.inEventStore(acknowledged);
        Map<UUID, Integer> onTopic = ledger.onTopic(acknowledged);
        Map<UUID, Integer> history = ledger.inHistory(acknowledged);
        Map<UUID, Integer> judged = ledger.judged(acknowledged);
        Set<UUID> lost = new HashSet<>();
        Set<UUID> doubled = new HashSet<>();
        for (var place : Map.of(
                        "event store", stored, "okr.events", onTopic, "query history", history, "notifier", judged)
                .entrySet()) {
            long missing = acknowledged.stream()
                    .filter(id -> !place.getValue().containsKey(id))
                    .peek(lost::add)
                    .count();
            details.put("missingIn " + place.getKey(), missing);
            if (missing > 0) {
                failures.add(missing + " acknowledged check-ins missing in " + place.getKey());
            }
        }
        for (var place : Map.of("event store", stored, "query history", history, "notifier", judged)
                .entrySet()) {
            long twice = place.getValue().entrySet().stream()
                    .filter(e -> e.getValue() > 1)
                    .peek(e -> doubled.add(e.getKey()))
                    .count();
            if (twice > 0) {
                failures.add(twice + " check-ins more than once in " + place.getKey());
            }
        }
        details.put(
                "redeliveredOnTopic",
                onTopic.values().stream().filter(n -> n > 1).count());
        long doubledAlerts = ledger.doubledAlerts();
        long deliveredTwice = receiver.changesAcceptedTwice() - twiceBefore;
        long undelivered = ledger.undeliveredWebhooks();
        details.put("alerts", ledger.alerts());
        details.put("webhookChangesDeliveredTwice", deliveredTwice);
        details.put("webhookRefusals", receiver.refused());
        if (doubledAlerts > 0) {
            failures.add(doubledAlerts + " triggers with more than one alert");
        }
        if (undelivered > 0) {
            failures.add(undelivered + " webhook deliveries not delivered (pending or dead)");
        }
        long served500 = load.statusCounts().getOrDefault(500, 0L);
        if (served500 > 0) {
            failures.add("clients were answered 500 " + served500 + " times");
        }
        if (!system.allHealthy()) {
            failures.add("not every service is healthy at the end");
        }
        String rebuild = rebuildMatches();
        details.put("readModelsEqualRebuild", rebuild == null);
        if (rebuild != null) {
            failures.add(rebuild);
        }
        CaseResult result = new CaseResult(
                fault,
                options.rate() + "/s",
                load.sent(),
                acknowledged.size(),
                lost.size(),
                doubled.size() + doubledAlerts + deliveredTwice,
                recovery,
                load.statusCounts(),
                details,
                failures);
        Suite.say(String.format(
                "  %s: acknowledged %d, lost %d, duplicated %d, recovered in %s; %s",
                fault.title(),
                result.acknowledged(),
                result.lost(),
                result.duplicated(),
                recovery == null ? "-" : String.format("%.1f s", recovery),
                result.passed() ? "passed" : failures));
        Suite.say("  peak resident memory per service process (MiB): " + details.get("peakResidentMiB"));
        return result;
    }

    /** Injects the fault and lifts it; answers the wall-clock millisecond it was lifted. */
    private long inject(FaultCase fault) throws Exception {
        return switch (fault) {
            case KILL_COMMAND -> killAndRestart(Service.COMMAND);
            case KILL_QUERY -> killAndRestart(Service.QUERY);
            case KILL_NOTIFIER -> killAndRestart(Service.NOTIFIER);
            case KAFKA_OUTAGE -> outage("broker", system::stopKafka, system::startKafka);
            case POSTGRES_RESTART -> outage("PostgreSQL", system::stopPostgres, system::startPostgres);
            case REBALANCE -> rebalance();
            case SLOW_POSTGRES -> holdLocks();
            case WEBHOOK_HANGS -> misbehave(WebhookReceiver.Behaviour.HANGS);
            case WEBHOOK_FAILS -> misbehave(WebhookReceiver.Behaviour.FAILS);
            case HOSTILE_INPUT -> throw new IllegalArgumentException("not a fault under load");
        };
    }

    private interface Step {
        void run() throws Exception;
    }

    /** Stops a piece of the infrastructure for the outage's length and starts it again on the same data. */
    private long outage(String what, Step stop, Runnable start) throws Exception {
        stop.run();
        Suite.say("  " + what + " stopped for " + options.outage().toSeconds() + " s");
        try {
            Thread.sleep(options.outage().toMillis());
        } finally {
            start.run();
        }
        Suite.say("  " + what + " started again");
        return System.currentTimeMillis();
    }

    private long killAndRestart(Service service) throws InterruptedException {
        ServiceProcess process = system.primary(service);
        process.kill();
        Suite.say("  " + process.name() + " killed (-9)");
        Thread.sleep(1_000);
        process.start();
        Suite.say("  " + process.name() + " started again");
        return System.currentTimeMillis();
    }

    private long rebalance() throws Exception {
        CompletableFuture<ServiceProcess> query = CompletableFuture.supplyAsync(() -> another(Service.QUERY));
        CompletableFuture<ServiceProcess> notifier = CompletableFuture.supplyAsync(() -> another(Service.NOTIFIER));
        List<ServiceProcess> extra = List.of(query.get(), notifier.get());
        Suite.say("  second instances up: "
                + extra.stream().map(ServiceProcess::name).toList());
        Thread.sleep(options.loadAfter().toMillis());
        extra.forEach(ServiceProcess::stop);
        Suite.say("  second instances stopped");
        return System.currentTimeMillis();
    }

    private ServiceProcess another(Service service) {
        try {
            return system.startAnother(service);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Sessions that take the locks a slow or stuck batch job would, then hold them. */
    private long holdLocks() throws Exception {
        try (Connection command = DriverManager.getConnection(system.jdbcUrl(Service.COMMAND), "postgres", "");
                Connection query = DriverManager.getConnection(system.jdbcUrl(Service.QUERY), "postgres", "");
                Connection notifier = DriverManager.getConnection(system.jdbcUrl(Service.NOTIFIER), "postgres", "")) {
            for (Connection c : List.of(command, query, notifier)) {
                c.setAutoCommit(false);
            }
            try (Statement s = command.createStatement()) {
                s.execute("select 1 from tokenentry where processorname = 'kafka-publisher' for update");
            }
            try (Statement s = query.createStatement()) {
                s.execute("lock table check_in_history in exclusive mode");
            }
            try (Statement s = notifier.createStatement()) {
                s.execute("lock table check_in in exclusive mode");
            }
            Suite.say("  locks held for " + options.lockHeld().toSeconds() + " s");
            Thread.sleep(options.lockHeld().toMillis());
            for (Connection c : List.of(command, query, notifier)) {
                c.rollback();
            }
        }
        Suite.say("  locks released");
        return System.currentTimeMillis();
    }

    private long misbehave(WebhookReceiver.Behaviour behaviour) throws InterruptedException {
        receiver.behave(behaviour);
        Suite.say("  webhook receiver " + behaviour.name().toLowerCase() + " for "
                + options.webhookFailing().toSeconds() + " s");
        Thread.sleep(options.webhookFailing().toMillis());
        receiver.behave(WebhookReceiver.Behaviour.ANSWERS);
        Suite.say("  webhook receiver answers again");
        return System.currentTimeMillis();
    }

    /** Seconds from {@code lifted} until recovered, or null; the load is stopped {@code loadAfter} after it. */
    private Double awaitRecovery(FaultCase fault, CheckInLoad load, long lifted) throws InterruptedException {
        Set<UUID> before = new HashSet<>();
        load.acknowledged().forEach((id, at) -> {
            if (at < lifted) {
                before.add(id);
            }
        });
        long stopLoadAt = lifted + options.loadAfter().toMillis();
        long giveUpAt = lifted + options.patience().toMillis();
        Double recovery = null;
        while (System.currentTimeMillis() < giveUpAt) {
            long now = System.currentTimeMillis();
            if (recovery == null && recovered(fault, load, lifted, before)) {
                recovery = (now - lifted) / 1000.0;
            }
            if (now >= stopLoadAt && recovery != null) {
                break;
            }
            Thread.sleep(500);
        }
        return recovery;
    }

    private boolean recovered(FaultCase fault, CheckInLoad load, long lifted, Set<UUID> before) {
        try {
            boolean webhooks = !(fault == FaultCase.WEBHOOK_FAILS || fault == FaultCase.WEBHOOK_HANGS)
                    || ledger.undeliveredWebhooksQueuedBefore(lifted) == 0;
            return load.firstAcknowledgedAfter(lifted) > 0 && webhooks && system.allHealthy() && everywhere(before);
        } catch (Exception e) {
            return false; // still down
        }
    }

    private boolean everywhere(Set<UUID> checkIns) throws Exception {
        return ledger.inHistory(checkIns).size() == checkIns.size()
                && ledger.judged(checkIns).size() == checkIns.size();
    }

    /** Waits until the publisher and both consumer groups caught up and no webhook delivery is due. */
    private boolean settle(Set<UUID> acknowledged) throws InterruptedException {
        long giveUpAt = System.currentTimeMillis() + options.patience().toMillis();
        Predicate<Map<String, Long>> drained = lag -> lag.values().stream().allMatch(v -> v == 0);
        long nextReport = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < giveUpAt) {
            String state;
            try {
                long queryBehind = ledger.queryBehind();
                Map<String, Long> lag = ledger.consumerLag();
                long pending = ledger.pendingWebhooks();
                if (queryBehind == 0 && drained.test(lag) && everywhere(acknowledged) && pending == 0) {
                    return true;
                }
                state = "query side " + queryBehind + " events behind, consumer lag " + lag + ", webhooks pending "
                        + pending;
            } catch (Exception e) {
                state = e.toString();
            }
            if (System.currentTimeMillis() >= nextReport) {
                nextReport += 10_000;
                Suite.say("  catching up: " + state);
            }
            Thread.sleep(1_000);
        }
        return false;
    }

    /** Null when the read models equal a rebuild from the query side's event log, else what differed. */
    private String rebuildMatches() throws Exception {
        Map<String, String> live = ledger.readModelFingerprint();
        ApiClient.Answer started = api.post(system.baseUrl(Service.QUERY) + "/api/admin/rebuild", "");
        if (started.status() != 202) {
            return "rebuild answered " + started.status() + ": " + started.body();
        }
        long giveUpAt = System.currentTimeMillis() + options.patience().toMillis();
        String state = "RUNNING";
        while (state.equals("RUNNING") && System.currentTimeMillis() < giveUpAt) {
            Thread.sleep(500);
            state = api.get(system.baseUrl(Service.QUERY) + "/api/admin/rebuild")
                    .json()
                    .get("state")
                    .asString();
        }
        if (!state.equals("COMPLETED")) {
            return "rebuild ended " + state;
        }
        Map<String, String> rebuilt = ledger.readModelFingerprint();
        List<String> differing = live.keySet().stream()
                .filter(t -> !live.get(t).equals(rebuilt.get(t)))
                .toList();
        return differing.isEmpty() ? null : "read models differ from a rebuild: " + differing;
    }
}
