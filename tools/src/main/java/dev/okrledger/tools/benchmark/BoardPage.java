package dev.okrledger.tools.benchmark;

import dev.okrledger.tools.client.ApiClient;
import dev.okrledger.tools.client.Organisation;
import dev.okrledger.tools.client.Progress;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The dashboard's board page of a large cycle (default 2,000 objectives), page after page of 50,
 * rendered for a signed-in browser session at the pages' base URL ({@link SystemProcess#pagesUrl()}):
 * one client, so the figure is the server's time to build and render the page, not queueing behind
 * other readers. Whether the board cycle is projected is asked of the query service's API.
 */
final class BoardPage {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final int PAGE_SIZE = 50;

    private BoardPage() {}

    static Map<String, Object> measure(
            ApiClient api, String commandUrl, String queryUrl, String pagesUrl, BenchmarkOptions options)
            throws Exception {
        BenchmarkOptions board = options.forBoardPage();
        Organisation org = Organisation.build(api, commandUrl, board.organisation());
        awaitProjected(api, queryUrl, org, board.objectives() + 1);

        HttpClient browser = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        signIn(browser, pagesUrl);
        int pages = (board.objectives() + 1 + PAGE_SIZE - 1) / PAGE_SIZE;
        Latencies latencies = new Latencies();
        long errors = 0;
        for (int warmUp = 0; warmUp < 50; warmUp++) {
            get(browser, pagesUrl + "/cycles/" + org.cycleId + "?page=" + warmUp % pages);
        }
        Progress progress = new Progress(
                "board page: " + board.objectives() + " objectives, pages of " + PAGE_SIZE + ", for "
                        + board.boardTime().toSeconds() + " s",
                0);
        long end = System.nanoTime() + board.boardTime().toNanos();
        while (System.nanoTime() < end) {
            String url = pagesUrl + "/cycles/" + org.cycleId + "?page="
                    + ThreadLocalRandom.current().nextInt(pages);
            long before = System.nanoTime();
            int status = get(browser, url).statusCode();
            if (status == 200) {
                latencies.add(System.nanoTime() - before);
                progress.report(latencies.count());
            } else {
                errors++;
            }
        }
        Map<String, Object> figure = new LinkedHashMap<>();
        figure.put("objectives", board.objectives() + 1);
        figure.put("pageSize", PAGE_SIZE);
        figure.put("latency", latencies.summary());
        figure.put("errors", errors);
        return figure;
    }

    /** The read models have every objective of the board cycle with its check-in. */
    private static void awaitProjected(ApiClient api, String queryUrl, Organisation org, int objectives)
            throws InterruptedException {
        Progress.say("waiting for the query service to project the board cycle");
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (System.nanoTime() < deadline) {
            ApiClient.Answer answer = api.get(queryUrl + "/api/cycles/" + org.cycleId + "/dashboard?size=1");
            if (answer.status() == 200) {
                var json = answer.json();
                if (json.get("page").get("totalObjectives").asInt() == objectives
                        && json.get("counts").get("noCheckIn").asInt() == 0) {
                    return;
                }
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the board cycle was not projected within 5 minutes");
    }

    /** The embedded default's sign-in page, as a person would use it. */
    private static void signIn(HttpClient browser, String pagesUrl) throws Exception {
        Matcher csrf = CSRF.matcher(get(browser, pagesUrl + "/sign-in").body());
        if (!csrf.find()) {
            throw new IllegalStateException("the sign-in page has no CSRF token");
        }
        String form = "subject=benchmark&teams=&role=OKR_LEAD&_csrf="
                + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> signedIn = browser.send(
                HttpRequest.newBuilder(URI.create(pagesUrl + "/sign-in"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (signedIn.statusCode() != 302) {
            throw new IllegalStateException("signing in answered " + signedIn.statusCode());
        }
    }

    private static HttpResponse<String> get(HttpClient browser, String url) throws InterruptedException {
        try {
            return browser.send(
                    HttpRequest.newBuilder(URI.create(url))
                            .timeout(Duration.ofSeconds(30))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("GET " + url + " failed", e);
        }
    }
}
