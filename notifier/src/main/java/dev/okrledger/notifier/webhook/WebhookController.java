package dev.okrledger.notifier.webhook;

import dev.okrledger.notifier.tracking.TrackingReader;
import dev.okrledger.security.CurrentUser;
import dev.okrledger.security.Forbidden;
import dev.okrledger.security.OkrUser;
import dev.okrledger.support.problem.Conflict;
import dev.okrledger.support.problem.NotFound;
import dev.okrledger.support.problem.Unprocessable;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

@RestController
@RequestMapping("/api/webhooks")
@Tag(name = "Webhooks")
class WebhookController {

    /** A subscription: {@code url} (http or https) and exactly one of {@code team} and {@code keyResultId}. */
    record Subscribe(@NotBlank String url, String team, UUID keyResultId, WebhookFormat format) {}

    private final WebhookStore store;
    private final Clock clock;
    private final TrackingReader tracking;
    private final Set<String> allowedHosts;

    /** @param allowedHosts webhook target hosts allowed (okr.webhooks.allowed-hosts); empty allows any */
    WebhookController(
            WebhookStore store,
            Clock clock,
            TrackingReader tracking,
            @Value("${okr.webhooks.allowed-hosts:}") List<String> allowedHosts) {
        this.store = store;
        this.clock = clock;
        this.tracking = tracking;
        this.allowedHosts = allowedHosts.stream()
                .map(String::strip)
                .filter(h -> !h.isEmpty())
                .map(h -> h.toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
    }

    @PostMapping
    ResponseEntity<Subscription> subscribe(@Valid @RequestBody Subscribe body) {
        String actor = CurrentUser.get().subject();
        String url = body.url().trim();
        if (!isHttpUrl(url)) {
            throw new Unprocessable("webhook-url-http", "url", "url must be an absolute http or https URL");
        }
        if (!allowedHosts.isEmpty()
                && !allowedHosts.contains(URI.create(url).getHost().toLowerCase(Locale.ROOT))) {
            throw new Unprocessable("webhook-host-allowed", "url", "Webhooks may only target " + allowedHosts);
        }
        String team = body.team() == null || body.team().isBlank()
                ? null
                : body.team().trim();
        if ((team == null) == (body.keyResultId() == null)) {
            throw new Unprocessable(
                    "subscription-scope", "team", "A subscription names exactly one of team and keyResultId");
        }
        requireScope(team, body.keyResultId());
        Subscription subscription = new Subscription(
                UUID.randomUUID(),
                url,
                team,
                body.keyResultId(),
                body.format() == null ? WebhookFormat.JSON : body.format(),
                clock.instant(),
                actor);
        store.add(subscription);
        return ResponseEntity.created(URI.create("/api/webhooks/" + subscription.id()))
                .body(subscription);
    }

    @GetMapping
    List<Subscription> subscriptions() {
        return store.subscriptions();
    }

    @GetMapping("/{id}")
    Subscription subscription(@PathVariable UUID id) {
        return store.subscription(id).orElseThrow(() -> new NotFound("webhook", id));
    }

    /** Also drops the subscription's queued and dead deliveries. */
    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void unsubscribe(@PathVariable UUID id) {
        Subscription subscription = subscription(id);
        requireScope(subscription.team(), subscription.keyResultId());
        if (!store.remove(id)) {
            throw new NotFound("webhook", id);
        }
    }

    /**
     * A team's webhooks are managed by its members, a key result's by its team and owner; OKR
     * leads and admins manage all.
     */
    private void requireScope(String team, UUID keyResultId) {
        OkrUser user = CurrentUser.get();
        boolean allowed = team != null
                ? user.mayChange(team, null)
                : tracking.keyResult(keyResultId)
                        .map(kr -> user.mayChange(kr.team(), kr.owner()))
                        .orElse(user.isLeadOrAdmin());
        if (!allowed) {
            throw new Forbidden(
                    "webhook-scope-membership-required",
                    "Only the subscription's team (or a key result's owner, or OKR leads) may manage it");
        }
    }

    /** Deliveries (any status) of one alert: what was sent where, and how it went. */
    @GetMapping("/deliveries")
    List<Delivery> deliveries(@RequestParam UUID alertId) {
        return store.deliveries(alertId);
    }

    @GetMapping("/dead-letters")
    List<Delivery> deadLetters() {
        return store.deadLetters();
    }

    /** Puts a dead letter back in the queue with a fresh budget of attempts. */
    @PostMapping("/dead-letters/{id}/retry")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Delivery retry(@PathVariable long id) {
        if (!CurrentUser.get().isLeadOrAdmin()) {
            throw new Forbidden(
                    "dead-letter-retry-needs-lead-or-admin", "Only OKR leads and admins retry dead letters");
        }
        Delivery delivery = store.delivery(id).orElseThrow(() -> new NotFound("dead-letter", id));
        if (!store.retry(id, clock.instant())) {
            throw new Conflict("dead-letter-only", "Delivery " + id + " is " + delivery.status() + ", not dead");
        }
        return store.delivery(id).orElseThrow();
    }

    private static boolean isHttpUrl(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
        } catch (Exception e) {
            return false;
        }
    }
}
