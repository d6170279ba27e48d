package dev.okrledger.dashboard.signin;

import dev.okrledger.security.OkrSecurityConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import java.util.Arrays;

/**
 * The dashboard's pages sign people in with a session, kept in the dashboard's database so that every
 * instance knows it; the actuator and any {@code /api} path stay with the stateless bearer-token chain
 * of every service ({@link OkrSecurityConfiguration}, which comes after this one and takes every path
 * in {@link OkrSecurityConfiguration#API_PATHS}). Pages keep the person's token in the server-side
 * session and never put it in a URL; every POST carries a CSRF token.
 * <ul>
 *   <li>With an identity provider ({@code spring.security.oauth2.client.registration.*}): the standard
 *       authorization-code login with PKCE.</li>
 *   <li>In the embedded default ({@code okr.dev-sign-in.enabled}): {@link DevSignIn} lets a person pick
 *       who they are and mints a dev token for them on the server.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class PageSecurity {

    static final String SIGN_IN = "/sign-in";
    static final String SIGN_OUT = "/sign-out";

    /** Only what the page's own code loads: no inline scripts, no other origin (no CDN). */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'";

    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE - 10)
    SecurityFilterChain pages(HttpSecurity http, ObjectProvider<ClientRegistrationRepository> registrations)
            throws Exception {
        http.securityMatcher(new NegatedRequestMatcher(apiPaths()))
                .authorizeHttpRequests(
                        auth -> auth.requestMatchers(SIGN_IN, "/dashboard/**", "/webjars/**", "/favicon.ico", "/error")
                                .permitAll()
                                .anyRequest()
                                .authenticated())
                .exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(
                                htmxSignIn(), request -> request.getHeader("HX-Request") != null)
                        .defaultAuthenticationEntryPointFor(
                                new LoginUrlAuthenticationEntryPoint(SIGN_IN), AnyRequestMatcher.INSTANCE))
                .logout(logout -> logout.logoutUrl(SIGN_OUT).logoutSuccessUrl(SIGN_IN + "?signed-out"))
                .headers(
                        headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY)));
        ClientRegistrationRepository clients = registrations.getIfAvailable();
        if (clients != null) {
            DefaultOAuth2AuthorizationRequestResolver resolver = new DefaultOAuth2AuthorizationRequestResolver(
                    clients, OAuth2AuthorizationRequestRedirectFilter.DEFAULT_AUTHORIZATION_REQUEST_BASE_URI);
            // PKCE for confidential clients too: a stolen authorization code is useless without the verifier
            resolver.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
            http.oauth2Login(login -> login.loginPage(SIGN_IN)
                    .authorizationEndpoint(endpoint -> endpoint.authorizationRequestResolver(resolver)));
        }
        return http.build();
    }

    private static RequestMatcher apiPaths() {
        return new OrRequestMatcher(Arrays.stream(OkrSecurityConfiguration.API_PATHS)
                .map(path -> (RequestMatcher)
                        PathPatternRequestMatcher.withDefaults().matcher(path))
                .toList());
    }

    /** A poll from an open page whose session ended: htmx follows HX-Redirect instead of swapping the sign-in page in. */
    private static AuthenticationEntryPoint htmxSignIn() {
        return (request, response, e) -> {
            response.setStatus(HttpStatus.UNAUTHORIZED.value());
            response.setHeader("HX-Redirect", request.getContextPath() + SIGN_IN);
        };
    }
}
