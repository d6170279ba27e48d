package dev.okrledger.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VerifiedTokensTest {

    private static final Instant NOW = Instant.parse("2026-05-04T10:00:00Z");

    /** Accepts tokens named "good-…" (expiring an hour from NOW) and counts the verifications. */
    private final List<String> verifications = new ArrayList<>();

    private final JwtDecoder issuer = token -> {
        verifications.add(token);
        if (!token.startsWith("good")) {
            throw new BadJwtException("signature does not match");
        }
        return Jwt.withTokenValue(token)
                .header("alg", "RS256")
                .subject("ana")
                .issuedAt(NOW.minusSeconds(60))
                .expiresAt(NOW.plus(Duration.ofHours(1)))
                .build();
    };
    private final MutableClock clock = new MutableClock(NOW);
    private final VerifiedTokens tokens = new VerifiedTokens(issuer, Duration.ofMinutes(5), 100, clock);

    @Test
    void theSameTokenIsVerifiedOnceWithinTheTtl() {
        Jwt first = tokens.decode("good-1");
        clock.advance(Duration.ofMinutes(4));
        Jwt again = tokens.decode("good-1");

        assertThat(again).isSameAs(first);
        assertThat(verifications).containsExactly("good-1");
    }

    @Test
    void aTokenIsVerifiedAgainOnceTheTtlHasPassed() {
        tokens.decode("good-1");
        clock.advance(Duration.ofMinutes(5));
        tokens.decode("good-1");

        assertThat(verifications).containsExactly("good-1", "good-1");
    }

    @Test
    void anExpiredTokenIsNeverAnsweredFromMemory() {
        VerifiedTokens longLived = new VerifiedTokens(issuer, Duration.ofDays(1), 100, clock);
        longLived.decode("good-1");
        clock.advance(Duration.ofHours(1));

        longLived.decode("good-1");

        assertThat(verifications).hasSize(2);
    }

    @Test
    void aRejectedTokenStaysRejectedEveryTime() {
        assertThatThrownBy(() -> tokens.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> tokens.decode("forged")).isInstanceOf(BadJwtException.class);

        assertThat(verifications).containsExactly("forged", "forged");
    }

    @Test
    void distinctTokensAreKeptApart() {
        tokens.decode("good-1");
        Jwt other = tokens.decode("good-2");

        assertThat(other.getTokenValue()).isEqualTo("good-2");
        assertThat(verifications).containsExactly("good-1", "good-2");
    }

    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
