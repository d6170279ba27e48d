package dev.okrledger.launcher;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docker-compose.yml, the Prometheus configuration and rules, the Grafana provisioning and the
 * Keycloak realm refer to each other by names and ports: a rename on one side must not leave the
 * other pointing at nothing.
 */
@SuppressWarnings("unchecked")
class DeploymentFilesTest {

    private static final List<Service> SERVICES = List.of(Service.values());

    private final Map<String, Object> compose =
            (Map<String, Object>) DeployFiles.yaml("docker-compose.yml").get("services");
    private final Map<String, Object> prometheus = DeployFiles.yaml("deploy/prometheus/prometheus.yml");

    @Test
    void everyServiceIsScrapedUnderItsOwnJobAtThePortItListensOn() {
        List<Map<String, Object>> jobs = (List<Map<String, Object>>) prometheus.get("scrape_configs");
        assertThat(jobs)
                .extracting(job -> job.get("job_name"))
                .containsExactlyInAnyOrderElementsOf(
                        SERVICES.stream().map(Service::title).toList());
        for (Map<String, Object> job : jobs) {
            String name = (String) job.get("job_name");
            Map<String, Object> service = composeService(name);
            int port = servicePort(name);
            assertThat(job.get("metrics_path")).isEqualTo("/actuator/prometheus");
            Map<String, Object> discovery = ((List<Map<String, Object>>) job.get("dns_sd_configs")).get(0);
            assertThat(discovery.get("names")).as(name).isEqualTo(List.of(name));
            assertThat(discovery.get("port")).as(name).isEqualTo(port);
            assertThat((List<String>) service.get("ports")).as(name).contains(port + ":" + port);
            assertThat(service.get("healthcheck").toString()).as(name).contains("/dev/tcp/127.0.0.1/" + port);
        }
    }

    @Test
    void consumerGroupLabelsNameTheGroupsTheConsumersJoin() {
        for (Map<String, Object> job : (List<Map<String, Object>>) prometheus.get("scrape_configs")) {
            String name = (String) job.get("job_name");
            List<Map<String, Object>> relabel = (List<Map<String, Object>>) job.get("relabel_configs");
            if (name.equals(Service.COMMAND.title()) || name.equals(Service.DASHBOARD.title())) {
                assertThat(relabel).isNull(); // no consumers there
                continue;
            }
            // the intake's listener id, and so its group, is <spring.application.name>-intake
            // (EventIntakeConfiguration)
            assertThat(relabel).singleElement().satisfies(r -> {
                assertThat(r.get("target_label")).isEqualTo("consumer_group");
                assertThat(r.get("replacement")).isEqualTo(applicationName(name) + "-intake");
            });
        }
    }

    @Test
    void prometheusLoadsTheRulesFileThatComposeMountsNextToIt() {
        List<String> ruleFiles = (List<String>) prometheus.get("rule_files");
        List<String> volumes = (List<String>) composeService("prometheus").get("volumes");
        assertThat(volumes).contains("./deploy/prometheus/prometheus.yml:/etc/prometheus/prometheus.yml:ro");
        for (String file : ruleFiles) {
            assertThat(DeployFiles.path("deploy/prometheus/" + file)).exists();
            assertThat(volumes).contains("./deploy/prometheus/" + file + ":/etc/prometheus/" + file + ":ro");
        }
        Map<String, Object> tests = DeployFiles.yaml("deploy/prometheus/alert-rules.test.yml");
        assertThat((List<String>) tests.get("rule_files")).containsExactlyElementsOf(ruleFiles);
    }

    @Test
    void rulesAndDashboardsOnlyNameJobsAndGroupsThatExist() {
        Set<String> jobs = new HashSet<>(SERVICES.stream().map(Service::title).toList());
        Set<String> groups = Set.of("query-service-intake", "notifier-intake");
        Pattern jobMatcher = Pattern.compile("job=~?\"([^\"$]+)\"");
        Pattern groupMatcher = Pattern.compile("consumer_group=~?\"([^\"$]+)\"");
        for (String expression : concat(DeployFiles.ruleExpressions(), DeployFiles.dashboardExpressions())) {
            for (String job : matches(jobMatcher, expression)) {
                assertThat(job.split("\\|"))
                        .as(expression)
                        .allSatisfy(j -> assertThat(jobs).contains(j));
            }
            for (String group : matches(groupMatcher, expression)) {
                assertThat(groups).as(expression).contains(group);
            }
        }
        JsonNode overview = DeployFiles.json("deploy/grafana/dashboards/service-overview.json");
        JsonNode jobVariable = overview.get("templating").get("list").get(0);
        assertThat(jobVariable.get("name").asString()).isEqualTo("job");
        assertThat(Set.of(jobVariable.get("allValue").asString().split("\\|"))).isEqualTo(jobs);
        assertThat(Set.of(jobVariable.get("query").asString().split(","))).isEqualTo(jobs);
    }

    @Test
    void grafanaReadsTheComposePrometheusAndLoadsTheDashboardsFromWhereComposeMountsThem() {
        Map<String, Object> datasource = ((List<Map<String, Object>>)
                        DeployFiles.yaml("deploy/grafana/provisioning/datasources/prometheus.yml")
                                .get("datasources"))
                .get(0);
        assertThat(datasource.get("url")).isEqualTo("http://prometheus:9090");
        assertThat((List<String>) composeService("prometheus").get("ports"))
                .anySatisfy(p -> assertThat(p).endsWith(":9090"));

        Map<String, Object> provider = ((List<Map<String, Object>>)
                        DeployFiles.yaml("deploy/grafana/provisioning/dashboards/okr-ledger.yml")
                                .get("providers"))
                .get(0);
        String dashboardsPath = (String) ((Map<String, Object>) provider.get("options")).get("path");
        List<String> volumes = (List<String>) composeService("grafana").get("volumes");
        assertThat(volumes)
                .contains(
                        "./deploy/grafana/dashboards:" + dashboardsPath + ":ro",
                        "./deploy/grafana/provisioning/datasources:/etc/grafana/provisioning/datasources:ro",
                        "./deploy/grafana/provisioning/dashboards:/etc/grafana/provisioning/dashboards:ro");

        Set<String> uids = new HashSet<>();
        assertThat(DeployFiles.grafanaDashboards()).hasSize(3);
        for (Path file : DeployFiles.grafanaDashboards()) {
            JsonNode dashboard =
                    DeployFiles.json(DeployFiles.ROOT.relativize(file).toString());
            assertThat(uids.add(dashboard.get("uid").asString()))
                    .as("unique uid in %s", file)
                    .isTrue();
            for (JsonNode panel : dashboard.get("panels")) {
                assertThat(panel.get("datasource").get("uid").asString())
                        .as("%s: %s", file, panel.get("title"))
                        .isEqualTo(datasource.get("uid"));
                assertThat(panel.get("targets"))
                        .as("%s: %s", file, panel.get("title"))
                        .isNotEmpty();
            }
        }
    }

    @Test
    void servicesTrustTheComposeKeycloakRealmAndAudience() {
        JsonNode realm = DeployFiles.json("deploy/keycloak/okr-realm.json");
        String realmName = realm.get("realm").asString();
        Map<String, Object> keycloak = composeService("keycloak");
        Map<String, String> keycloakEnvironment = (Map<String, String>) keycloak.get("environment");
        assertThat((List<String>) keycloak.get("volumes"))
                .contains("./deploy/keycloak/okr-realm.json:/opt/keycloak/data/import/okr-realm.json:ro");
        assertThat((List<String>) keycloak.get("ports")).containsExactly("${KEYCLOAK_PORT:-8180}:8080");
        assertThat(keycloakEnvironment.get("KC_HOSTNAME")).isEqualTo("http://localhost:${KEYCLOAK_PORT:-8180}");

        Set<String> clients = new HashSet<>();
        realm.get("clients").forEach(c -> clients.add(c.get("clientId").asString()));
        for (Service service : SERVICES) {
            Map<String, String> environment =
                    (Map<String, String>) composeService(service.title()).get("environment");
            assertThat(environment.get("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUERURI"))
                    .isEqualTo("${OKR_JWT_ISSUER_URI:-http://localhost:8180/realms/" + realmName + "}");
            assertThat(environment.get("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_JWKSETURI"))
                    .isEqualTo("${OKR_JWK_SET_URI:-http://keycloak:8080/realms/" + realmName
                            + "/protocol/openid-connect/certs}");
            assertThat(clients).contains(environment.get("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_AUDIENCES"));
        }
        Map<String, String> dashboard =
                (Map<String, String>) composeService(Service.DASHBOARD.title()).get("environment");
        assertThat(clients).contains(dashboard.get("SPRING_SECURITY_OAUTH2_CLIENT_REGISTRATION_OKR_CLIENTID"));
        assertThat(dashboard.get("SPRING_SECURITY_OAUTH2_CLIENT_REGISTRATION_OKR_CLIENTSECRET"))
                .isEqualTo(keycloakEnvironment.get("OKR_DASHBOARD_CLIENT_SECRET"));
        Map<String, String> query =
                (Map<String, String>) composeService(Service.QUERY.title()).get("environment");
        assertThat(query).doesNotContainKey("SPRING_SECURITY_OAUTH2_CLIENT_REGISTRATION_OKR_CLIENTID");
    }

    @Test
    void theRealmCarriesTheClaimsTheServicesRead() {
        JsonNode realm = DeployFiles.json("deploy/keycloak/okr-realm.json");
        Set<String> roles = new HashSet<>();
        realm.get("roles").get("realm").forEach(r -> roles.add(r.get("name").asString()));
        assertThat(roles)
                .containsExactlyInAnyOrderElementsOf(java.util.Arrays.stream(dev.okrledger.security.Role.values())
                        .map(Enum::name)
                        .toList());
        for (JsonNode client : realm.get("clients")) {
            if (client.get("protocolMappers") == null) {
                continue;
            }
            Set<String> claims = new HashSet<>();
            client.get("protocolMappers").forEach(m -> {
                JsonNode claim = m.get("config").get("claim.name");
                if (claim != null) {
                    claims.add(claim.asString());
                }
            });
            assertThat(claims).as(client.get("clientId").asString()).contains("roles", "teams");
            assertThat(client.get("defaultClientScopes").toString()).contains("\"profile\"", "\"basic\"");
        }
    }

    private Map<String, Object> composeService(String name) {
        assertThat(compose).containsKey(name);
        return (Map<String, Object>) compose.get(name);
    }

    private static int servicePort(String title) {
        return Integer.parseInt(serviceProperties(title).getProperty("server.port"));
    }

    private static String applicationName(String title) {
        return serviceProperties(title).getProperty("spring.application.name");
    }

    private static Properties serviceProperties(String title) {
        Properties properties = new Properties();
        try (var in =
                Files.newBufferedReader(DeployFiles.path(title + "/src/main/resources/" + title + ".properties"))) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }

    private static List<String> matches(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        List<String> found = new java.util.ArrayList<>();
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }
}
