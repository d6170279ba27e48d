package dev.okrledger.launcher;

import dev.okrledger.contract.event.EventCodec;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/** The deployment files at the repository root: compose, Prometheus, Grafana, Keycloak. */
final class DeployFiles {

    static final Path ROOT = findRoot();

    private DeployFiles() {}

    static Path path(String relative) {
        return ROOT.resolve(relative);
    }

    static Map<String, Object> yaml(String relative) {
        try {
            return new Yaml().load(Files.readString(path(relative)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode json(String relative) {
        try {
            return EventCodec.mapper().readTree(Files.readString(path(relative)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Path> grafanaDashboards() {
        try (Stream<Path> files = Files.list(path("deploy/grafana/dashboards"))) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every PromQL expression of the alerting rules. */
    @SuppressWarnings("unchecked")
    static List<String> ruleExpressions() {
        List<String> expressions = new ArrayList<>();
        for (Map<String, Object> group : (List<Map<String, Object>>)
                yaml("deploy/prometheus/alert-rules.yml").get("groups")) {
            for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
                expressions.add((String) rule.get("expr"));
            }
        }
        return expressions;
    }

    /** Every PromQL expression of every dashboard panel. */
    static List<String> dashboardExpressions() {
        List<String> expressions = new ArrayList<>();
        for (Path dashboard : grafanaDashboards()) {
            for (JsonNode panel : json(ROOT.relativize(dashboard).toString()).get("panels")) {
                for (JsonNode target : panel.get("targets")) {
                    expressions.add(target.get("expr").asString());
                }
            }
        }
        return expressions;
    }

    /** The metric names read by the rules and the dashboards, less those Prometheus makes itself. */
    static Set<String> metricNamesUsed() {
        Set<String> names = new LinkedHashSet<>();
        Stream.concat(ruleExpressions().stream(), dashboardExpressions().stream())
                .map(PromQl::metricNames)
                .forEach(names::addAll);
        names.remove("up");
        return names;
    }

    private static Path findRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("docker-compose.yml")) && Files.isDirectory(dir.resolve("deploy"))) {
                return dir;
            }
        }
        throw new IllegalStateException("No repository root with docker-compose.yml above "
                + Path.of("").toAbsolutePath());
    }
}
