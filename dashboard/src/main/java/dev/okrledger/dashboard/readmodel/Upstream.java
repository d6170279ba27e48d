package dev.okrledger.dashboard.readmodel;

import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpClient;
import java.time.Duration;

/** How the dashboard talks to a service: JSON over HTTP with timeouts, reading only the fields its view records name. */
public final class Upstream {

    private Upstream() {}

    /**
     * @param timeout for connecting and for the answer: a page waits at most this long for a service
     */
    public static RestClient client(String baseUrl, Duration timeout) {
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(timeout).build());
        requests.setReadTimeout(timeout);
        // view records name what a page shows, not every field an answer has; decimals stay exact
        JsonMapper json = JsonMapper.builder()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .build();
        return RestClient.builder()
                .baseUrl(baseUrl)
                .requestFactory(requests)
                .configureMessageConverters(
                        converters -> converters.withJsonConverter(new JacksonJsonHttpMessageConverter(json)))
                .build();
    }
}
