package dev.okrledger.tools.client;

import dev.okrledger.contract.event.EventCodec;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The public HTTP API as a client sees it, signed in with one bearer token. */
public final class ApiClient {

    public record Answer(int status, String body) {
        public JsonNode json() {
            return EventCodec.mapper().readTree(body);
        }
    }

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String bearer;

    public ApiClient(String token) {
        this.bearer = "Bearer " + token;
    }

    public Answer post(String url, String json) {
        return send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .header("Authorization", bearer)
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build());
    }

    public Answer get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", bearer)
                .timeout(Duration.ofSeconds(30))
                .GET()
                .build());
    }

    /** POST that must succeed; answers the created id or the body. */
    public JsonNode mustPost(String url, String json) {
        Answer answer = post(url, json);
        if (answer.status() >= 300) {
            throw new IllegalStateException("POST " + url + " answered " + answer.status() + ": " + answer.body());
        }
        return answer.body().isBlank() ? null : answer.json();
    }

    private Answer send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            return new Answer(599, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(599, "interrupted");
        }
    }
}
