package dev.okrledger.dashboard.alerts;

import dev.okrledger.dashboard.readmodel.Upstream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClient.RequestHeadersSpec.ConvertibleClientHttpResponse;
import org.springframework.web.util.UriBuilder;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The notifier's alerts API, called from the server with the signed-in person's token: the notifier
 * decides what they may do, exactly as for any other client. The base URL is
 * {@code okr.dashboard.notifier-url} (the launcher sets it).
 */
@Component
class NotifierClient {

    /** The notifier's answer: the alert, or why not (its problem's detail, or why it could not be asked). */
    record Answer<T>(T value, int status, String refusal) {

        boolean ok() {
            return refusal == null;
        }
    }

    /** Filters the API understands; null means any. */
    record Query(UUID cycleId, String team, String severity, String status) {}

    private static final ParameterizedTypeReference<List<AlertItem>> ALERTS = new ParameterizedTypeReference<>() {};
    private static final ParameterizedTypeReference<Map<String, Object>> PROBLEM =
            new ParameterizedTypeReference<>() {};

    private final RestClient http;
    private final String baseUrl;

    NotifierClient(
            @Value("${okr.dashboard.notifier-url:http://localhost:8083}") String baseUrl,
            @Value("${okr.dashboard.notifier-timeout:PT5S}") Duration timeout) {
        this.http = Upstream.client(baseUrl, timeout);
        this.baseUrl = baseUrl;
    }

    Answer<List<AlertItem>> alerts(String token, Query query) {
        return call(() -> http.get()
                .uri(b -> uri(b, query))
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange((request, response) -> response.getStatusCode().is2xxSuccessful()
                        ? new Answer<>(response.bodyTo(ALERTS), 200, null)
                        : refused(response.getStatusCode().value(), problem(response))));
    }

    /** @param action {@code acknowledge} or {@code resolve} */
    Answer<AlertItem> act(String token, UUID alertId, String action) {
        return call(() -> http.post()
                .uri("/api/alerts/{id}/{action}", alertId, action)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange((request, response) -> response.getStatusCode().is2xxSuccessful()
                        ? new Answer<>(
                                response.bodyTo(AlertItem.class),
                                response.getStatusCode().value(),
                                null)
                        : refused(response.getStatusCode().value(), problem(response))));
    }

    private static URI uri(UriBuilder builder, Query query) {
        builder.path("/api/alerts");
        if (query.cycleId() != null) {
            builder.queryParam("cycleId", query.cycleId());
        }
        for (Map.Entry<String, String> filter : Map.of(
                        "team",
                        nullToEmpty(query.team()),
                        "severity",
                        nullToEmpty(query.severity()),
                        "status",
                        nullToEmpty(query.status()))
                .entrySet()) {
            if (!filter.getValue().isBlank()) {
                builder.queryParam(filter.getKey(), "{" + filter.getKey() + "}");
            }
        }
        return builder.build(Map.of(
                "team",
                nullToEmpty(query.team()),
                "severity",
                nullToEmpty(query.severity()),
                "status",
                nullToEmpty(query.status())));
    }

    /** The problem body of a refusal, if it has a readable one. */
    private static Map<String, Object> problem(ConvertibleClientHttpResponse response) {
        try {
            return response.bodyTo(PROBLEM);
        } catch (RuntimeException unreadable) {
            return null;
        }
    }

    private static <T> Answer<T> refused(int status, Map<String, Object> problem) {
        Object detail = problem == null ? null : problem.get("detail");
        return new Answer<>(null, status, detail == null ? "The notifier answered " + status : detail.toString());
    }

    private <T> Answer<T> call(Supplier<Answer<T>> call) {
        try {
            return call.get();
        } catch (ResourceAccessException e) {
            return new Answer<>(
                    null, 503, "The notifier at " + baseUrl + " cannot be reached right now; try again shortly.");
        }
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
