package dev.okrledger.query.dashboard;

import dev.okrledger.contract.event.ObjectiveLevel;
import dev.okrledger.query.support.Quarter;
import dev.okrledger.query.support.QueryServiceTest;
import dev.okrledger.security.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The dashboard answers with an entity tag; a reader who has the current page gets 304 and no body. */
class DashboardEtagTest extends QueryServiceTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private Quarter q;
    private UUID frt;

    @BeforeEach
    void quarter() {
        q = new Quarter(intake, LocalDate.now(ZoneOffset.UTC).minusWeeks(4), 13).plannedAndActive();
        UUID support = q.objective("Faster support", ObjectiveLevel.TEAM, "support", null);
        frt = q.keyResult(support, "frt", 12, 4);
        q.at(q.week(1)).checkIn(frt, q.week(1), 11, 8);
    }

    @Test
    void theSamePageAgainIsNotModified() throws Exception {
        HttpResponse<String> first = dashboard(null);
        String etag = first.headers().firstValue("ETag").orElseThrow();

        HttpResponse<String> again = dashboard(etag);
        HttpResponse<String> weakAmongOthers = dashboard("\"other\", W/" + etag);

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(first.body())
                        .get("page")
                        .get("totalObjectives")
                        .asInt())
                .isEqualTo(1);
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(again.headers().firstValue("ETag")).hasValue(etag);
        assertThat(weakAmongOthers.statusCode()).isEqualTo(304);
    }

    @Test
    void aProjectedCheckInChangesTheTagAndTheContent() throws Exception {
        String etag = dashboard(null).headers().firstValue("ETag").orElseThrow();

        q.at(q.week(2)).checkIn(frt, q.week(2), 6, 3);
        HttpResponse<String> after = dashboard(etag);

        assertThat(after.statusCode()).isEqualTo(200);
        assertThat(after.headers().firstValue("ETag")).isPresent().get().isNotEqualTo(etag);
        assertThat(JSON.readTree(after.body()).get("counts").get("red").asInt()).isEqualTo(1);
    }

    private HttpResponse<String> dashboard(String ifNoneMatch) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/cycles/" + q.cycleId + "/dashboard"))
                .header("Authorization", TestTokens.admin())
                .GET();
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
