package dev.okrledger.security;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** The bearer header is read as Spring Security's own resolver reads it: the same token, or the same refusal. */
class BearerHeaderTest {

    private static final String JWT = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbmEifQ.c2lnbmF0dXJlLV8rLw==";

    private final BearerTokenResolver ours = new BearerHeader();
    private final BearerTokenResolver springs = new DefaultBearerTokenResolver();

    @Test
    void theUsualHeaderGivesTheToken() {
        MockHttpServletRequest request = request(r -> r.addHeader("Authorization", "Bearer " + JWT));
        assertThat(ours.resolve(request)).isEqualTo(JWT).isEqualTo(springs.resolve(request));
    }

    @Test
    void everyRequestIsAnsweredAsSpringSecurityAnswersIt() {
        List<Consumer<MockHttpServletRequest>> requests = List.of(
                r -> {},
                r -> r.addHeader("Authorization", "Bearer " + JWT),
                r -> r.addHeader("Authorization", "bearer " + JWT),
                r -> r.addHeader("Authorization", "BEARER " + JWT),
                r -> r.addHeader("Authorization", "Basic dXNlcjpwYXNz"),
                r -> r.addHeader("Authorization", "Bearer "),
                r -> r.addHeader("Authorization", "Bearer"),
                r -> r.addHeader("Authorization", "Bearer  " + JWT),
                r -> r.addHeader("Authorization", "Bearer " + JWT + " "),
                r -> r.addHeader("Authorization", "Bearer abc=def"),
                r -> r.addHeader("Authorization", "Bearer ==="),
                r -> r.addHeader("Authorization", "Bearer a\"b"),
                r -> r.addHeader("Authorization", "Bearer é"),
                r -> r.addHeader("Authorization", "Bearerxyz"),
                r -> {
                    r.addHeader("Authorization", "Bearer " + JWT);
                    r.setQueryString("access_token=" + JWT);
                    r.addParameter("access_token", JWT);
                },
                r -> {
                    r.addHeader("Authorization", "Bearer " + JWT);
                    r.setMethod("POST");
                    r.setContentType("application/x-www-form-urlencoded");
                    r.addParameter("access_token", JWT);
                },
                r -> {
                    r.setQueryString("access_token=" + JWT);
                    r.addParameter("access_token", JWT);
                });
        for (Consumer<MockHttpServletRequest> setUp : requests) {
            MockHttpServletRequest request = request(setUp);
            Answer expected = answer(springs, request);
            assertThat(answer(ours, request))
                    .as("%s", request.getHeader("Authorization"))
                    .isEqualTo(expected);
        }
    }

    private record Answer(String token, Class<?> refusal, String message) {}

    private static Answer answer(BearerTokenResolver resolver, MockHttpServletRequest request) {
        String[] token = new String[1];
        Throwable refusal = catchThrowable(() -> token[0] = resolver.resolve(request));
        return refusal == null
                ? new Answer(token[0], null, null)
                : new Answer(null, refusal.getClass(), refusal.getMessage());
    }

    private static MockHttpServletRequest request(Consumer<MockHttpServletRequest> setUp) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/alerts");
        setUp.accept(request);
        return request;
    }
}
