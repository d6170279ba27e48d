package dev.okrledger.launcher;

import dev.okrledger.contract.event.EventCodec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Loads the sample quarter (demo/sample-quarter.json) through the public command API, as a team
 * would have entered it week by week: dates are relative to today, so week 8's check-ins are
 * effective yesterday.
 */
public final class DemoLoader {

    private final HttpClient http = HttpClient.newHttpClient();
    private final String commandUrl;
    private String bearer;

    public DemoLoader(String commandUrl) {
        this.commandUrl = commandUrl;
    }

    public record Loaded(UUID cycleId, Map<String, UUID> keyResultsByRef, int checkIns) {}

    public Loaded load() {
        // the demo loader signs in like anybody else in the embedded default: a minted token
        ObjectNode who = EventCodec.mapper()
                .createObjectNode()
                .put("subject", "demo-loader")
                .put("name", "Demo loader");
        who.putArray("roles").add("ADMIN");
        bearer = "Bearer " + post("/api/dev/tokens", who).get("token").asString();
        JsonNode quarter = readSample();
        JsonNode cycle = quarter.get("cycle");
        LocalDate startsOn = LocalDate.now(ZoneOffset.UTC)
                .minusWeeks(cycle.get("startsWeeksAgo").asInt());
        LocalDate endsOn = startsOn.plusWeeks(cycle.get("lengthWeeks").asInt());
        ObjectNode planCycle = EventCodec.mapper()
                .createObjectNode()
                .put("name", cycle.get("name").asString())
                .put("startsOn", startsOn.toString())
                .put("endsOn", endsOn.toString())
                .put("cadence", cycle.get("cadence").asString());
        UUID cycleId = createdId(post("/api/cycles", planCycle));
        post("/api/cycles/" + cycleId + "/activate", null);

        Map<String, UUID> objectives = new HashMap<>();
        Map<String, UUID> keyResults = new HashMap<>();
        int checkIns = 0;
        for (JsonNode objective : quarter.get("objectives")) {
            ObjectNode define = EventCodec.mapper()
                    .createObjectNode()
                    .put("cycleId", cycleId.toString())
                    .put("title", objective.get("title").asString())
                    .put("level", objective.get("level").asString())
                    .put("team", objective.get("team").asString());
            if (objective.hasNonNull("parent")) {
                define.put(
                        "parentObjectiveId",
                        objectives.get(objective.get("parent").asString()).toString());
            }
            UUID objectiveId = createdId(post("/api/objectives", define));
            objectives.put(objective.get("ref").asString(), objectiveId);
            for (JsonNode keyResult : objective.get("keyResults")) {
                ObjectNode kr = EventCodec.mapper()
                        .createObjectNode()
                        .put("title", keyResult.get("title").asString())
                        .put("unit", keyResult.get("unit").asString())
                        .put("indicator", keyResult.get("indicator").asString())
                        .put("owner", keyResult.get("owner").asString());
                kr.set("baseline", keyResult.get("baseline"));
                kr.set("target", keyResult.get("target"));
                String ref = keyResult.get("ref").asString();
                UUID keyResultId = createdId(post("/api/objectives/" + objectiveId + "/key-results", kr));
                keyResults.put(ref, keyResultId);
                for (JsonNode checkIn : keyResult.get("checkIns")) {
                    int week = checkIn.get("week").asInt();
                    ObjectNode body = EventCodec.mapper()
                            .createObjectNode()
                            .put("checkInId", checkInId(cycleId, ref, week).toString())
                            .put("confidence", checkIn.get("confidence").asInt())
                            .put(
                                    "effectiveAt",
                                    startsOn.plusDays(7L * week - 1)
                                            .atTime(LocalTime.NOON)
                                            .toInstant(ZoneOffset.UTC)
                                            .toString());
                    body.set("value", checkIn.get("value"));
                    for (String text : new String[] {"note", "blockers", "decision"}) {
                        if (checkIn.hasNonNull(text)) {
                            body.put(text, checkIn.get(text).asString());
                        }
                    }
                    post("/api/key-results/" + keyResultId + "/check-ins", body);
                    checkIns++;
                }
            }
            for (JsonNode initiative : objective.path("initiatives")) {
                loadInitiative(cycleId, initiative, keyResults);
            }
        }
        return new Loaded(cycleId, keyResults, checkIns);
    }

    /**
     * Once the notifier has taken in the demo (its alert list stops changing), runs the
     * missed-check-in scan that would otherwise first run an hour after start. Answers the number
     * of alerts then known.
     */
    public int settleAndScan(String notifierUrl) throws InterruptedException {
        int last = -1;
        int stableFor = 0;
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (stableFor < 3 && System.nanoTime() < deadline) {
            Thread.sleep(1_000);
            int now = alertCount(notifierUrl);
            stableFor = now == last ? stableFor + 1 : 0;
            last = now;
        }
        sendTo(notifierUrl + "/api/alerts/scan", null);
        return alertCount(notifierUrl);
    }

    private int alertCount(String notifierUrl) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(notifierUrl + "/api/alerts"))
                .header("Authorization", bearer)
                .GET()
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200
                    ? EventCodec.mapper().readTree(response.body()).size()
                    : -1;
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** An initiative under its key result; a pivot is linked to the check-in of the week that decided it. */
    private void loadInitiative(UUID cycleId, JsonNode initiative, Map<String, UUID> keyResults) {
        String ref = initiative.get("keyResult").asString();
        UUID keyResultId = keyResults.get(ref);
        String title = initiative.get("title").asString();
        ObjectNode add =
                EventCodec.mapper().createObjectNode().put("title", title).put("approach", title);
        UUID initiativeId = createdId(post("/api/key-results/" + keyResultId + "/initiatives", add));
        JsonNode pivot = initiative.get("pivot");
        if (pivot != null && !pivot.isNull()) {
            ObjectNode body = EventCodec.mapper()
                    .createObjectNode()
                    .put("toApproach", pivot.get("to").asString())
                    .put("reason", pivot.get("reason").asString())
                    .put(
                            "checkInId",
                            checkInId(cycleId, ref, pivot.get("week").asInt()).toString());
            post("/api/key-results/" + keyResultId + "/initiatives/" + initiativeId + "/pivot", body);
        }
    }

    private static UUID checkInId(UUID cycleId, String keyResultRef, int week) {
        return UUID.nameUUIDFromBytes((cycleId + "/" + keyResultRef + "/" + week).getBytes(StandardCharsets.UTF_8));
    }

    private static JsonNode readSample() {
        try (InputStream in = DemoLoader.class.getResourceAsStream("/demo/sample-quarter.json")) {
            return EventCodec.mapper().readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException("The sample quarter is missing from the launcher", e);
        }
    }

    private JsonNode post(String path, JsonNode body) {
        return sendTo(commandUrl + path, body);
    }

    private JsonNode sendTo(String url, JsonNode body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .header("Authorization", bearer == null ? "" : bearer)
                .POST(
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(body.toString()))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException(
                        "POST " + url + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body().isBlank() ? null : EventCodec.mapper().readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("POST " + url + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static UUID createdId(JsonNode body) {
        return UUID.fromString(body.get("id").asString());
    }
}
