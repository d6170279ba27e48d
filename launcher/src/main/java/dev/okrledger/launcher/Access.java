package dev.okrledger.launcher;

import dev.okrledger.security.TokenKeys;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Who can reach the services the launcher starts, and where their tokens come from.
 *
 * <p>The services listen on {@code listenAddress}: loopback by default, so only this machine reaches
 * them. Tokens are minted here ({@code POST /api/dev/tokens} and the dashboard's sign-in page, both
 * for any role, ADMIN included) only while nobody else can ask for one: on loopback, or when
 * {@code devSignInOnNetwork} says so out loud. With an {@code issuer} the services trust that OpenID
 * provider's tokens instead and nobody mints any.
 *
 * @param issuer   the OpenID provider's issuer URL, or null for the launcher's own key pair
 * @param audience the audience the provider's tokens must carry, or null for any
 */
public record Access(String listenAddress, boolean devSignInOnNetwork, String issuer, String audience) {

    public static final String LOOPBACK = "127.0.0.1";

    /** Loopback only, dev tokens on: the embedded default as it starts without options. */
    public static final Access LOCAL = new Access(LOOPBACK, false, null, null);

    /** True when only this machine can reach the services. */
    public boolean loopbackOnly() {
        return address().isLoopbackAddress();
    }

    /** True when the command service and the dashboard mint tokens for whoever asks. */
    public boolean mintsTokens() {
        return issuer == null && (loopbackOnly() || devSignInOnNetwork);
    }

    /**
     * The Spring properties of one service that say where it listens and how it checks tokens;
     * {@code keyDir} holds the launcher's key pair.
     */
    Map<String, String> properties(Service service, Path keyDir) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("server.address", listenAddress);
        if (issuer == null) {
            properties.put(
                    "spring.security.oauth2.resourceserver.jwt.public-key-location",
                    "file:" + TokenKeys.publicKeyFile(keyDir));
        } else {
            properties.put("spring.security.oauth2.resourceserver.jwt.issuer-uri", issuer);
            if (audience != null) {
                properties.put("spring.security.oauth2.resourceserver.jwt.audiences", audience);
            }
        }
        if (!mintsTokens()) {
            properties.put("okr.dev-tokens.enabled", "false");
            properties.put("okr.dev-sign-in.enabled", "false");
        } else if (service == Service.COMMAND) {
            // the command service's token endpoint, with this system's key
            properties.put("okr.dev-tokens.enabled", "true");
            properties.put("okr.dev-tokens.key-dir", keyDir.toAbsolutePath().toString());
        } else if (service == Service.DASHBOARD) {
            // the dashboard's sign-in page, with the same key
            properties.put("okr.dev-sign-in.enabled", "true");
            properties.put("okr.dev-tokens.key-dir", keyDir.toAbsolutePath().toString());
        }
        return properties;
    }

    /** The host in the URLs the launcher prints and calls: {@code localhost} unless one address was chosen. */
    public String urlHost() {
        InetAddress address = address();
        if (address.isLoopbackAddress() || address.isAnyLocalAddress()) {
            return "localhost";
        }
        return address instanceof Inet6Address ? "[" + address.getHostAddress() + "]" : address.getHostAddress();
    }

    /** What a person starting the system must know about who can reach it, if anything. */
    public Optional<String> notice() {
        if (loopbackOnly() || issuer != null) {
            return Optional.empty();
        }
        if (devSignInOnNetwork) {
            return Optional.of(
                    "WARNING: the services listen on " + listenAddress + " with dev sign-in and dev tokens on"
                            + " (--insecure-dev-sign-in-on-network): anyone who reaches this address can mint an ADMIN token"
                            + " (POST /api/dev/tokens) and change or read everything. Use it only on a network you trust.");
        }
        return Optional.of("NOTE: the services listen on " + listenAddress + ", so nobody can mint a token here: dev"
                + " sign-in and dev tokens work on loopback only. To let people sign in, name an identity provider"
                + " with --issuer=URL (and --audience=NAME), or listen on " + LOOPBACK + " (the default).");
    }

    private InetAddress address() {
        try {
            return InetAddress.getByName(listenAddress);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("--listen-address: no such address: " + listenAddress, e);
        }
    }
}
