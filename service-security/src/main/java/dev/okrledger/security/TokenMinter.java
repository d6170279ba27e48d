package dev.okrledger.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/** Signs tokens for named users with the embedded default's key (and in tests). */
public final class TokenMinter {

    public static final String ISSUER = "okr-ledger-embedded";

    private final TokenKeys keys;

    public TokenMinter(TokenKeys keys) {
        this.keys = keys;
    }

    public String mint(OkrUser user, Duration lifetime) {
        return mint(user, Instant.now(), lifetime);
    }

    /** @param issuedAt when the token starts; tests use the past to make expired tokens */
    public String mint(OkrUser user, Instant issuedAt, Duration lifetime) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject(user.subject())
                .claim("name", user.displayName())
                .claim("teams", List.copyOf(user.teams()))
                .claim("roles", user.roles().stream().map(Enum::name).sorted().toList())
                .issueTime(Date.from(issuedAt))
                .expirationTime(Date.from(issuedAt.plus(lifetime)))
                .build();
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
            jwt.sign(new RSASSASigner(keys.privateKey()));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("Could not sign a token", e);
        }
    }
}
