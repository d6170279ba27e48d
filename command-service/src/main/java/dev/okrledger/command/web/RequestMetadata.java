package dev.okrledger.command.web;

import dev.okrledger.contract.event.EventHeaders;
import dev.okrledger.security.CurrentUser;
import dev.okrledger.security.OkrUser;
import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.messaging.MetaData;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Who sent a command and under which correlation id; Axon copies this metadata onto every event
 * the command causes. The actor is the subject of the validated token: a client cannot name it.
 */
@Component
public class RequestMetadata {

    static final String CORRELATION_HEADER = "X-Correlation-Id";

    private final HttpServletRequest request;

    public RequestMetadata(HttpServletRequest request) {
        this.request = request;
    }

    public MetaData current() {
        Map<String, String> values = new HashMap<>();
        OkrUser user = CurrentUser.get();
        values.put(EventHeaders.META_ACTOR, user.subject());
        values.put(EventHeaders.META_ACTOR_NAME, user.displayName());
        values.put(
                EventHeaders.META_CORRELATION_ID,
                orDefault(
                        request.getHeader(CORRELATION_HEADER), UUID.randomUUID().toString()));
        return MetaData.from(values);
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.strip();
    }
}
