package dev.okrledger.security;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link JwtDecoder} that verifies each distinct token once and answers it from memory until it
 * expires or {@code ttl} passes, whichever is first: a client sends the same token with every
 * request, and checking its RSA signature and claims again each time was a fifth of a check-in's
 * CPU. Only tokens the delegate accepted are kept (keyed by the whole token, signature included),
 * and only tokens that expire; a rejected token is verified again each time and stays rejected.
 * The ttl bounds how long a token outlives a key removed from the issuer's key set (decision 0032).
 */
public final class VerifiedTokens implements JwtDecoder {

    private record Verified(Jwt jwt, Instant until) {
    }

    private final JwtDecoder delegate;
    private final Duration ttl;
    private final int maxTokens;
    private final Clock clock;
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    public VerifiedTokens(JwtDecoder delegate, Duration ttl, int maxTokens, Clock clock) {
        this.delegate = delegate;
        this.ttl = ttl;
        this.maxTokens = maxTokens;
        this.clock = clock;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Instant now = clock.instant();
        Verified known = verified.get(token);
        if (known != null && now.isBefore(known.until())) {
            return known.jwt();
        }
        if (known != null) {
            verified.remove(token, known);
        }
        Jwt jwt = delegate.decode(token);
        if (jwt.getExpiresAt() != null && (jwt.getNotBefore() == null || !now.isBefore(jwt.getNotBefore()))) {
            if (verified.size() >= maxTokens) {
                verified.clear(); // crude, but bounded: a flood of distinct tokens only costs their verification
            }
            Instant until = now.plus(ttl);
            verified.put(token, new Verified(jwt, until.isBefore(jwt.getExpiresAt()) ? until : jwt.getExpiresAt()));
        }
        return jwt;
    }
}
