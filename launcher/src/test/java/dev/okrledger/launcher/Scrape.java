package dev.okrledger.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One scrape of a service's {@code /actuator/prometheus}, as Prometheus would take it. */
record Scrape(Map<String, List<Sample>> samplesByName) {

    record Sample(String labels, double value) {}

    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    static Scrape of(String baseUrl) {
        try {
            HttpResponse<String> response = CLIENT.send(
                    HttpRequest.newBuilder(URI.create(baseUrl + "/actuator/prometheus"))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(baseUrl + "/actuator/prometheus answered " + response.statusCode());
            }
            return parse(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static Scrape parse(String exposition) {
        Map<String, List<Sample>> samples = new LinkedHashMap<>();
        for (String line : exposition.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int braces = line.indexOf('{');
            int space = line.lastIndexOf(' ');
            String name = braces >= 0 ? line.substring(0, braces) : line.substring(0, line.indexOf(' '));
            String labels = braces >= 0 ? line.substring(braces + 1, line.lastIndexOf('}')) : "";
            samples.computeIfAbsent(name, n -> new ArrayList<>())
                    .add(new Sample(labels, value(line.substring(space + 1))));
        }
        return new Scrape(samples);
    }

    boolean has(String name) {
        return samplesByName.containsKey(name);
    }

    /** The sum over all label sets of {@code name} whose labels contain {@code labelPart}; 0 when absent. */
    double sum(String name, String labelPart) {
        return samplesByName.getOrDefault(name, List.of()).stream()
                .filter(s -> s.labels().contains(labelPart))
                .mapToDouble(Sample::value)
                .filter(v -> !Double.isNaN(v))
                .sum();
    }

    private static double value(String text) {
        return switch (text) {
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(text);
        };
    }
}
