package dev.okrledger.security;

import dev.okrledger.support.problem.ProblemRules;
import dev.okrledger.support.problem.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.header.HeaderWriterFilter;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;

/**
 * Every service is an OAuth2 resource server: a valid JWT (issuer or JWK set or public key from
 * the standard {@code spring.security.oauth2.resourceserver.jwt.*} properties) is needed for every
 * API call, reads included; health, Prometheus metrics and the OpenAPI document stay open. Who may
 * change what is decided by each service with {@link OkrUser}. 401 and 403 are RFC 9457 problems.
 * A token is verified once and then known for {@code okr.security.verified-token-ttl} (5 minutes)
 * or until it expires ({@link VerifiedTokens}).
 * This chain comes last: a service that also serves pages (the query service's dashboard) puts its
 * own session-based chain in front of it for every path outside {@link #API_PATHS}.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@Import(DevTokens.class)
public class OkrSecurityConfiguration {

    /** The bearer-token paths: the API, the actuator and the OpenAPI document. */
    public static final String[] API_PATHS = {"/api/**", "/actuator/**", "/v3/api-docs", "/v3/api-docs/**"};

    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    SecurityFilterChain okrSecurity(
            HttpSecurity http,
            @Value("${okr.security.max-request-bytes:65536}") long maxRequestBytes,
            @Value("${okr.dev-tokens.enabled:false}") boolean devTokens,
            JwtDecoder tokenVerifier,
            @Value("${okr.security.verified-token-ttl:5m}") Duration verifiedTokenTtl)
            throws Exception {
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(new RequestSizeLimit(maxRequestBytes), HeaderWriterFilter.class)
                .authorizeHttpRequests(auth -> {
                    auth.requestMatchers(
                                    "/actuator/health",
                                    "/actuator/health/**",
                                    "/actuator/prometheus",
                                    "/v3/api-docs",
                                    "/v3/api-docs/**",
                                    "/error")
                            .permitAll();
                    if (devTokens) {
                        auth.requestMatchers(DevTokens.PATH).permitAll();
                    }
                    auth.anyRequest().authenticated();
                })
                .oauth2ResourceServer(oauth -> oauth.bearerTokenResolver(new BearerHeader())
                        .jwt(jwt -> jwt.decoder(
                                        new VerifiedTokens(tokenVerifier, verifiedTokenTtl, 10_000, Clock.systemUTC()))
                                .jwtAuthenticationConverter(rolesAsAuthorities()))
                        .authenticationEntryPoint(OkrSecurityConfiguration::authenticationRequired)
                        .accessDeniedHandler(OkrSecurityConfiguration::forbidden))
                .exceptionHandling(e -> e.authenticationEntryPoint(OkrSecurityConfiguration::authenticationRequired)
                        .accessDeniedHandler(OkrSecurityConfiguration::forbidden));
        return http.build();
    }

    /** Spring Security's strict firewall, with its header rule checked without a regex ({@link PrintableText}). */
    @Bean
    static HttpFirewall httpFirewall() {
        return PrintableText.firewall();
    }

    /**
     * Spring Security observes nothing: no dashboard reads its observations, yet while an observation
     * registry exists it wraps every filter of every request, the authentication and the authorization
     * in an observation; with these settings the filters run undecorated (decision 0037).
     */
    @Bean
    SecurityObservationSettings securityObservesNothing() {
        return SecurityObservationSettings.noObservations();
    }

    private static void authenticationRequired(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException e) throws IOException {
        Problems.write(
                response,
                Problems.problem(
                        HttpStatus.UNAUTHORIZED,
                        ProblemRules.AUTHENTICATION_REQUIRED,
                        null,
                        "A valid bearer token is required"));
    }

    private static void forbidden(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        Problems.write(
                response,
                Problems.problem(HttpStatus.FORBIDDEN, ProblemRules.FORBIDDEN, null, "Not allowed for this user"));
    }

    /** {@code roles: ["OKR_LEAD"]} becomes the authority {@code ROLE_OKR_LEAD}. */
    static JwtAuthenticationConverter rolesAsAuthorities() {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(jwt -> {
            Collection<GrantedAuthority> authorities = new java.util.ArrayList<>();
            for (Role role : CurrentUser.roles(rolesClaim(jwt.getClaim("roles")))) {
                authorities.add(new SimpleGrantedAuthority("ROLE_" + role.name()));
            }
            return authorities;
        });
        return converter;
    }

    private static List<String> rolesClaim(Object claim) {
        if (claim instanceof Collection<?> values) {
            return values.stream().map(String::valueOf).toList();
        }
        return claim == null ? List.of() : List.of(String.valueOf(claim).split("[ ,]+"));
    }
}
