package dev.okrledger.dashboard.signin;

import dev.okrledger.security.CurrentUser;
import dev.okrledger.security.OkrUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.util.Optional;

/**
 * Who is signed in to the pages, and the token that acts for them toward the services: the dev token
 * from the sign-in page, or the identity provider's access token, refreshed when it has expired.
 * Tokens stay on the server, in the session.
 */
@Component
public class SignedIn {

    private final ObjectProvider<ClientRegistrationRepository> registrations;
    private final ObjectProvider<OAuth2AuthorizedClientRepository> authorizedClients;
    private volatile DefaultOAuth2AuthorizedClientManager manager;

    SignedIn(
            ObjectProvider<ClientRegistrationRepository> registrations,
            ObjectProvider<OAuth2AuthorizedClientRepository> authorizedClients) {
        this.registrations = registrations;
        this.authorizedClients = authorizedClients;
    }

    /** The person of this request; empty on pages open to everybody (the sign-in page). */
    public Optional<OkrUser> person() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof DevSignInAuthentication dev) {
            return Optional.of(dev.person());
        }
        if (authentication instanceof OAuth2AuthenticationToken oidc) {
            return Optional.of(CurrentUser.fromClaims(oidc.getPrincipal().getAttributes()));
        }
        return Optional.empty();
    }

    /** The bearer token of the person whose request this thread serves (see {@link #bearerToken(HttpServletRequest, HttpServletResponse)}). */
    public Optional<String> bearerToken() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes current) {
            return bearerToken(current.getRequest(), current.getResponse());
        }
        return Optional.empty();
    }

    /** The bearer token for calls made on the person's behalf; empty when there is none (any more). */
    public Optional<String> bearerToken(HttpServletRequest request, HttpServletResponse response) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof DevSignInAuthentication dev) {
            return Optional.of(dev.token());
        }
        if (authentication instanceof OAuth2AuthenticationToken oidc) {
            OAuth2AuthorizedClient client = manager()
                    .authorize(OAuth2AuthorizeRequest.withClientRegistrationId(oidc.getAuthorizedClientRegistrationId())
                            .principal(oidc)
                            .attribute(HttpServletRequest.class.getName(), request)
                            .attribute(HttpServletResponse.class.getName(), response)
                            .build());
            return client == null
                    ? Optional.empty()
                    : Optional.of(client.getAccessToken().getTokenValue());
        }
        return Optional.empty();
    }

    private DefaultOAuth2AuthorizedClientManager manager() {
        if (manager == null) {
            DefaultOAuth2AuthorizedClientManager created =
                    new DefaultOAuth2AuthorizedClientManager(registrations.getObject(), authorizedClients.getObject());
            created.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder()
                    .authorizationCode()
                    .refreshToken()
                    .build());
            manager = created;
        }
        return manager;
    }
}
