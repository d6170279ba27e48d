package dev.okrledger.command.web;

import dev.okrledger.contract.event.EventHeaders;
import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.messaging.MetaData;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Who sent a command and under which correlation id; Axon copies this metadata onto every event
 * the command causes. Until authentication exists the actor comes from the {@code X-Actor} header.
 */
@Component
public class RequestMetadata {

    static final String ACTOR_HEADER = "X-Actor";
    static final String ACTOR_NAME_HEADER = "X-Actor-Name";
    static final String CORRELATION_HEADER = "X-Correlation-Id";

    private final HttpServletRequest request;

    public RequestMetadata(HttpServletRequest request) {
        this.request = request;
    }

    public MetaData current() {
        Map<String, String> values = new HashMap<>();
        values.put(EventHeaders.META_ACTOR, orDefault(request.getHeader(ACTOR_HEADER), "anonymous"));
        values.put(EventHeaders.META_ACTOR_NAME, orDefault(request.getHeader(ACTOR_NAME_HEADER),
                values.get(EventHeaders.META_ACTOR)));
        values.put(EventHeaders.META_CORRELATION_ID,
                orDefault(request.getHeader(CORRELATION_HEADER), UUID.randomUUID().toString()));
        return MetaData.from(values);
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.strip();
    }
}
