package dev.okrledger.launcher;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Cycles, objectives, key results and check-ins through a command service's public API, as an admin. */
final class TestOkrs {

    private final String command;

    TestOkrs(String commandBaseUrl) {
        this.command = commandBaseUrl;
    }

    /** A weekly cycle that started two weeks ago, activated. */
    UUID activeCycle() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        UUID cycle = Http.createdId(
                Http.post(command + "/api/cycles", """
                {"name":"Q","startsOn":"%s","endsOn":"%s","cadence":"WEEKLY"}""".formatted(today.minusDays(14), today.plusDays(77))));
        assertThat(Http.post(command + "/api/cycles/" + cycle + "/activate", "").status())
                .isEqualTo(204);
        return cycle;
    }

    UUID objective(UUID cycle, String team) {
        return Http.createdId(Http.post(command + "/api/objectives", """
                {"cycleId":"%s","title":"Objective of %s","level":"TEAM","team":"%s"}""".formatted(cycle, team, team)));
    }

    /** From 12 down to 4 hours: a check-in at 4 is on target, so never behind pace. */
    UUID keyResult(UUID objective) {
        return Http.createdId(Http.post(command + "/api/objectives/" + objective + "/key-results", """
                {"title":"Reduce first response","unit":"hours","baseline":12,"target":4,"indicator":"LEADING",
                 "owner":"someone"}"""));
    }

    /** A check-in on target with a decision, so only a confidence drop can raise an alert. */
    static Http.Response checkIn(String commandBaseUrl, UUID keyResult, UUID checkInId, int confidence) {
        return Http.post(
                commandBaseUrl + "/api/key-results/" + keyResult + "/check-ins", """
                {"checkInId":"%s","value":4,"confidence":%d,"decision":"carry on"}""".formatted(checkInId, confidence));
    }
}
