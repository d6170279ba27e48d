package dev.okrledger.launcher;

import dev.okrledger.contract.event.EventCodec;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A plain JSON-over-HTTP client for tests that drive the services as a user would. */
final class Http {

    record Response(int status, JsonNode body, HttpHeaders headers) {
        Response(int status, JsonNode body) {
            this(status, body, HttpHeaders.of(java.util.Map.of(), (name, value) -> true));
        }
    }

    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Http() {}

    static Response post(String url, String json) {
        return send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .header("Authorization", TestSystem.adminBearer())
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build());
    }

    static Response get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", TestSystem.adminBearer())
                .GET()
                .build());
    }

    /** The id of what a 201 answer created; fails the test with the answer's body otherwise. */
    static UUID createdId(Response response) {
        assertThat(response.status()).as("%s", response.body()).isEqualTo(201);
        return UUID.fromString(response.body().get("id").asString());
    }

    private static Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode body =
                    response.body().isBlank() ? null : EventCodec.mapper().readTree(response.body());
            return new Response(response.statusCode(), body, response.headers());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
