package dev.okrledger.dashboard.readmodel;

import dev.okrledger.dashboard.signin.SignedIn;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClient.RequestHeadersSpec.ConvertibleClientHttpResponse;
import org.springframework.web.util.UriBuilder;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * The query service's JSON API, asked from the server with the signed-in person's token
 * ({@code okr.dashboard.query-url}, which the launcher sets). Pages read every read model through
 * here, so they show the verdicts the API gives, computed once, in the query service.
 */
@Component
public class ReadModels {

    /** The query service answers names for up to this many ids of a kind per request. */
    static final int NAMES_PER_REQUEST = 100;

    private static final ParameterizedTypeReference<Map<String, Object>> PROBLEM =
            new ParameterizedTypeReference<>() {};

    private final RestClient http;
    private final String baseUrl;
    private final SignedIn signedIn;

    ReadModels(
            @Value("${okr.dashboard.query-url:http://localhost:8082}") String baseUrl,
            @Value("${okr.dashboard.upstream-timeout:PT5S}") Duration timeout,
            SignedIn signedIn) {
        this.http = Upstream.client(baseUrl, timeout);
        this.baseUrl = baseUrl;
        this.signedIn = signedIn;
    }

    /** @throws Refused with the query service's status and words when it does not answer 2xx */
    public <T> T get(Class<T> type, Function<UriBuilder, URI> uri) {
        return call(uri, response -> response.bodyTo(type));
    }

    public <T> T get(ParameterizedTypeReference<T> type, Function<UriBuilder, URI> uri) {
        return call(uri, response -> response.bodyTo(type));
    }

    /** Every cycle, newest first. */
    public List<Cycle> cycles() {
        return get(
                new ParameterizedTypeReference<>() {},
                b -> b.path("/api/cycles").build());
    }

    /** @throws Refused 404 naming the cycle when the query service does not know it */
    public Cycle cycle(UUID id) {
        return get(Cycle.class, b -> b.path("/api/cycles/{id}").build(id));
    }

    /** The cycle as known at {@code knownAt} (null: now); empty when it was not planned yet then. */
    public Optional<Cycle> cycle(UUID id, Instant knownAt) {
        try {
            return Optional.of(get(
                    Cycle.class,
                    b -> b.path("/api/cycles/{id}")
                            .queryParamIfPresent("asOf", Optional.ofNullable(knownAt))
                            .build(id)));
        } catch (Refused refused) {
            if (refused.status() == 404) {
                return Optional.empty();
            }
            throw refused;
        }
    }

    /** Teams with objectives in the cycle, or in any cycle when {@code cycleId} is null. */
    public List<String> teams(UUID cycleId) {
        return get(new ParameterizedTypeReference<>() {}, b -> {
            b.path("/api/teams");
            if (cycleId != null) {
                b.queryParam("cycleId", cycleId);
            }
            return b.build();
        });
    }

    /** Titles of the objectives and key results named, asked for in as few requests as the API allows. */
    public Names names(Collection<UUID> objectiveIds, Collection<UUID> keyResultIds) {
        if (objectiveIds.isEmpty() && keyResultIds.isEmpty()) {
            return new Names(List.of(), List.of());
        }
        List<UUID> objectives = List.copyOf(objectiveIds);
        List<UUID> keyResults = List.copyOf(keyResultIds);
        List<Names.ObjectiveName> objectiveNames = new ArrayList<>();
        List<Names.KeyResultName> keyResultNames = new ArrayList<>();
        for (int from = 0; from < Math.max(objectives.size(), keyResults.size()); from += NAMES_PER_REQUEST) {
            List<UUID> someObjectives = slice(objectives, from);
            List<UUID> someKeyResults = slice(keyResults, from);
            Names some = get(Names.class, b -> {
                b.path("/api/names");
                someObjectives.forEach(id -> b.queryParam("objectiveId", id));
                someKeyResults.forEach(id -> b.queryParam("keyResultId", id));
                return b.build();
            });
            objectiveNames.addAll(some.objectives());
            keyResultNames.addAll(some.keyResults());
        }
        return new Names(objectiveNames, keyResultNames);
    }

    private static List<UUID> slice(List<UUID> ids, int from) {
        return from >= ids.size() ? List.of() : ids.subList(from, Math.min(ids.size(), from + NAMES_PER_REQUEST));
    }

    private interface Reader<T> {
        T read(ConvertibleClientHttpResponse response) throws IOException;
    }

    private <T> T call(Function<UriBuilder, URI> uri, Reader<T> body) {
        String token = signedIn.bearerToken()
                .orElseThrow(() -> new Refused(
                        401, "Your sign-in has no token for the services any more: sign out and in again."));
        try {
            return http.get()
                    .uri(uri)
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                    .exchange((request, response) -> {
                        if (response.getStatusCode().is2xxSuccessful()) {
                            return body.read(response);
                        }
                        throw refusal(response);
                    });
        } catch (ResourceAccessException e) {
            throw new Refused(
                    503, "The query service at " + baseUrl + " cannot be reached right now; try again shortly.");
        }
    }

    /** A 4xx in the query service's own words; a failure on its side as "try again" (the page is not at fault). */
    private static Refused refusal(ConvertibleClientHttpResponse response) throws IOException {
        int status = response.getStatusCode().value();
        Object detail = null;
        try {
            Map<String, Object> problem = response.bodyTo(PROBLEM);
            detail = problem == null ? null : problem.get("detail");
        } catch (RuntimeException unreadable) {
            // no problem body: the status says enough
        }
        if (status >= 500) {
            return new Refused(
                    status == 503 ? 503 : 502,
                    "The query service could not answer right now (" + status + "); try again shortly.");
        }
        return new Refused(status, detail == null ? "The query service answered " + status : detail.toString());
    }
}
