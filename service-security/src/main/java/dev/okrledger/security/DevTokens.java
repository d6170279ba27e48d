package dev.okrledger.security;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * {@code POST /api/dev/tokens}: mints a token for a named user, team list and roles. Exists only
 * when {@code okr.dev-tokens.enabled=true}, which the embedded default sets (with the folder of its
 * generated key pair); never in a deployment with a real identity provider.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "okr.dev-tokens.enabled", havingValue = "true")
@RestController
public class DevTokens {

    static final String PATH = "/api/dev/tokens";

    record TokenRequest(
            @NotBlank @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9._@-]+")
            String subject,

            @Size(max = 200) String name,
            @Size(max = 50) List<@NotBlank String> teams,
            @Size(max = 3) List<Role> roles) {}

    record TokenAnswer(String token, Instant expiresAt) {}

    private final TokenMinter minter;
    private final Duration lifetime;

    DevTokens(
            @Value("${okr.dev-tokens.key-dir}") Path keyDir,
            @Value("${okr.dev-tokens.lifetime:PT12H}") Duration lifetime) {
        this.minter = new TokenMinter(TokenKeys.loadOrCreate(keyDir));
        this.lifetime = lifetime;
    }

    @PostMapping(PATH)
    TokenAnswer mint(@Valid @RequestBody TokenRequest request) {
        OkrUser user = new OkrUser(
                request.subject(),
                request.name() == null ? request.subject() : request.name(),
                Set.copyOf(request.teams() == null ? List.of() : request.teams()),
                Set.copyOf(request.roles() == null ? List.of(Role.MEMBER) : request.roles()));
        Instant now = Instant.now();
        return new TokenAnswer(minter.mint(user, now, lifetime), now.plus(lifetime));
    }
}
