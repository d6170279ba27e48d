package dev.okrledger.tools.client;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A generated organisation, built through the public API: one active quarter, objectives spread
 * over teams (a company objective as the parent of the first team objectives), key results with a
 * few weeks of check-in history each.
 */
public final class Organisation {

    public record KeyResultRef(UUID id, UUID objectiveId) {}

    /**
     * How large an organisation to build: {@code objectives} spread over {@code teams}, each with
     * {@code keyResultsPerObjective} key results of {@code historyPerKeyResult} weekly check-ins.
     */
    public record Shape(int objectives, int keyResultsPerObjective, int historyPerKeyResult, int teams) {}

    private static final int CLIENTS = 16;

    public final UUID cycleId;
    public final List<KeyResultRef> keyResults;
    public final long commandsSent;

    private Organisation(UUID cycleId, List<KeyResultRef> keyResults, long commandsSent) {
        this.cycleId = cycleId;
        this.keyResults = keyResults;
        this.commandsSent = commandsSent;
    }

    public static Organisation build(ApiClient api, String commandUrl, Shape options) throws Exception {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate startsOn = today.minusWeeks(options.historyPerKeyResult() + 1L);
        UUID cycleId = id(api.mustPost(commandUrl + "/api/cycles", """
                {"name":"Benchmark quarter","startsOn":"%s","endsOn":"%s","cadence":"WEEKLY"}""".formatted(startsOn, startsOn.plusWeeks(13))));
        api.mustPost(commandUrl + "/api/cycles/" + cycleId + "/activate", "");
        UUID company = id(api.mustPost(commandUrl + "/api/objectives", """
                {"cycleId":"%s","title":"Company objective","level":"COMPANY","team":"leadership"}""".formatted(cycleId)));

        AtomicLong sent = new AtomicLong(3);
        Progress progress = new Progress(
                "building the organisation (" + options.objectives() + " objectives, "
                        + options.objectives() * options.keyResultsPerObjective() + " key results, "
                        + options.historyPerKeyResult() + " check-ins each)",
                options.objectives());
        // several clients at once: the set-up is bounded by the system, not by one client's round trips
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        List<Future<List<KeyResultRef>>> work = new ArrayList<>();
        AtomicLong objectivesDone = new AtomicLong();
        for (int o = 0; o < options.objectives(); o++) {
            int index = o;
            work.add(pool.submit(() -> {
                String team = "team-" + (index % options.teams());
                String parent = index < options.teams() ? ",\"parentObjectiveId\":\"" + company + "\"" : "";
                UUID objective =
                        id(api.mustPost(commandUrl + "/api/objectives", """
                        {"cycleId":"%s","title":"Objective %d","level":"TEAM","team":"%s"%s}""".formatted(cycleId, index, team, parent)));
                List<KeyResultRef> created = new ArrayList<>();
                for (int k = 0; k < options.keyResultsPerObjective(); k++) {
                    UUID kr =
                            id(api.mustPost(commandUrl + "/api/objectives/" + objective + "/key-results", """
                            {"title":"Key result %d.%d","unit":"%%","baseline":40,"target":80,"indicator":"LEADING",
                             "owner":"owner-%d","measurement":{"counted":"accounts","dataSource":"warehouse"}}""".formatted(
                                            index, k, index)));
                    for (int week = 1; week <= options.historyPerKeyResult(); week++) {
                        Instant at = startsOn.plusDays(7L * week - 1)
                                .atStartOfDay(ZoneOffset.UTC)
                                .toInstant()
                                .plusSeconds(43200);
                        api.mustPost(commandUrl + "/api/key-results/" + kr + "/check-ins", """
                                {"checkInId":"%s","value":%d,"confidence":%d,"effectiveAt":"%s"}""".formatted(
                                        UUID.randomUUID(), 40 + 3 * week, 7, at));
                    }
                    created.add(new KeyResultRef(kr, objective));
                    sent.addAndGet(1 + options.historyPerKeyResult());
                }
                sent.incrementAndGet();
                progress.report(objectivesDone.incrementAndGet());
                return created;
            }));
        }
        List<KeyResultRef> keyResults = new ArrayList<>();
        for (Future<List<KeyResultRef>> f : work) {
            keyResults.addAll(f.get());
        }
        pool.shutdown();
        return new Organisation(cycleId, keyResults, sent.get());
    }

    private static UUID id(tools.jackson.databind.JsonNode body) {
        return UUID.fromString(body.get("id").asString());
    }
}
