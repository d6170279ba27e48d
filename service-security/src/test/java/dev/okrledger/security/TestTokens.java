package dev.okrledger.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

/**
 * One signing key pair per test JVM and tokens signed with it, so tests exercise the real
 * resource-server validation. Point a service at {@link #publicKeyLocation()} through
 * {@code spring.security.oauth2.resourceserver.jwt.public-key-location}.
 */
public final class TestTokens {

    private static final Path KEY_DIR = keyDir();
    private static final TokenMinter MINTER = new TokenMinter(TokenKeys.loadOrCreate(KEY_DIR));

    private TestTokens() {}

    public static Path keyDir() {
        if (KEY_DIR != null) {
            return KEY_DIR;
        }
        try {
            return Files.createTempDirectory("okr-test-keys");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String publicKeyLocation() {
        return "file:" + TokenKeys.publicKeyFile(KEY_DIR);
    }

    /** {@code Bearer ...} for the given person, valid for an hour. */
    public static String bearer(String subject, Set<String> teams, Set<Role> roles) {
        return "Bearer " + MINTER.mint(new OkrUser(subject, subject, teams, roles), Duration.ofHours(1));
    }

    /** {@code Bearer ...} for an admin called test-user. */
    public static String admin() {
        return bearer("test-user", Set.of(), Set.of(Role.ADMIN));
    }

    public static TokenMinter minter() {
        return MINTER;
    }
}
