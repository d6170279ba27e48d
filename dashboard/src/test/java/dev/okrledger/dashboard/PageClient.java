package dev.okrledger.dashboard;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A browser without JavaScript: keeps cookies, follows no redirect by itself, reads the CSRF token
 * from the last page and sends it with forms, as a page's own form would.
 */
final class PageClient {

    record Page(int status, String location, String body, HttpResponse<String> response) {

        Document html() {
            return Jsoup.parse(body);
        }
    }

    private final HttpClient http = HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private final String base;
    private String csrf;

    PageClient(int port) {
        this.base = "http://localhost:" + port;
    }

    Page get(String pathOrUrl) {
        return remember(send(HttpRequest.newBuilder(uri(pathOrUrl)).GET().build()));
    }

    /** GET, following redirects of this service (as a browser would), up to five. */
    Page follow(String path) {
        Page page = get(path);
        for (int hops = 0; hops < 5 && page.status() / 100 == 3; hops++) {
            page = get(page.location());
        }
        return page;
    }

    /** A form POST with the CSRF token of the last page. */
    Page post(String path, Map<String, String> form) {
        Map<String, String> fields = new LinkedHashMap<>(form);
        if (csrf != null) {
            fields.put("_csrf", csrf);
        }
        return postRaw(path, fields);
    }

    /** A form POST exactly as given: no CSRF token unless the fields carry one. */
    Page postRaw(String path, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return remember(send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build()));
    }

    /** The embedded default's sign-in: pick subject, teams and role. */
    Page signIn(String subject, String teams, String role) {
        get("/sign-in");
        return post("/sign-in", Map.of("subject", subject, "teams", teams, "role", role));
    }

    private Page remember(Page page) {
        if (page.body() != null && page.body().contains("name=\"_csrf\"")) {
            csrf = page.html().select("input[name=_csrf]").first().attr("value");
        }
        return page;
    }

    private URI uri(String pathOrUrl) {
        return URI.create(pathOrUrl.startsWith("http") ? pathOrUrl : base + pathOrUrl);
    }

    private Page send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Page(
                    response.statusCode(),
                    response.headers().firstValue("Location").orElse(null),
                    response.body(),
                    response);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
