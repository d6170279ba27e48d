package dev.okrledger.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * A {@link JwtDecoder} that verifies each distinct token once and answers it from memory until it
 * expires or {@code ttl} passes, whichever is first: a client sends the same token with every
 * request, and checking its RSA signature and claims again each time was a fifth of a check-in's
 * CPU. Only tokens the delegate accepted are kept (keyed by the whole token, signature included),
 * and only tokens that expire; a rejected token is verified again each time and stays rejected.
 * At most {@code maxTokens} are kept (a Caffeine cache, each entry with its own expiry on the
 * given clock), so a flood of distinct tokens only costs their verification.
 * The ttl bounds how long a token outlives a key removed from the issuer's key set (decision 0032).
 */
public final class VerifiedTokens implements JwtDecoder {

    private record Verified(Jwt jwt, Instant until) {}

    private final JwtDecoder delegate;
    private final Duration ttl;
    private final Clock clock;
    private final Cache<String, Verified> verified;

    public VerifiedTokens(JwtDecoder delegate, Duration ttl, int maxTokens, Clock clock) {
        this.delegate = delegate;
        this.ttl = ttl;
        this.clock = clock;
        this.verified = Caffeine.newBuilder()
                .maximumSize(maxTokens)
                .expireAfter(Expiry.<String, Verified>writing(
                        (token, known) -> max(Duration.between(clock.instant(), known.until()), Duration.ZERO)))
                .ticker(() -> nanos(clock.instant()))
                .build();
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Verified known = verified.getIfPresent(token);
        if (known != null) {
            return known.jwt();
        }
        Instant now = clock.instant();
        Jwt jwt = delegate.decode(token);
        if (jwt.getExpiresAt() != null && (jwt.getNotBefore() == null || !now.isBefore(jwt.getNotBefore()))) {
            Instant until = now.plus(ttl);
            verified.put(token, new Verified(jwt, until.isBefore(jwt.getExpiresAt()) ? until : jwt.getExpiresAt()));
        }
        return jwt;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static long nanos(Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }
}
