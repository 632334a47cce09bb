package org.toxwatch.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * docker-compose.yml and the Prometheus/Grafana files cannot run here (no Docker engine), so they are parsed
 * and checked against what the services actually read and expose.
 */
class DeploymentDescriptorsTest {

    private static final Path HOME = ToxWatchLauncher.home();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A YAML file as a JSON tree; SnakeYAML resolves merge keys as Docker Compose does. */
    private static JsonNode yaml(String path) throws Exception {
        Object document = new Yaml().load(Files.readString(HOME.resolve(path)));
        return JSON.valueToTree(document);
    }

    private static JsonNode compose() throws Exception {
        return yaml("docker-compose.yml");
    }

    private static Map<String, String> environmentOf(JsonNode service) {
        var environment = new LinkedHashMap<String, String>();
        JsonNode declared = service.get("environment");
        if (declared != null && declared.isObject()) {
            declared.properties()
                    .forEach(variable -> environment.put(
                            variable.getKey(), variable.getValue().asString()));
        }
        return environment;
    }

    @Test
    void composeRunsKafkaInKraftModeMongoTheServicesPrometheusAndGrafana() throws Exception {
        JsonNode services = compose().get("services");

        assertThat(services.propertyNames())
                .contains(
                        "kafka",
                        "mongo",
                        "ingest-service",
                        "monitoring-service",
                        "alerting-service",
                        "prometheus",
                        "grafana");
        assertThat(services.get("kafka").get("image").asString()).startsWith("apache/kafka:");
        assertThat(services.get("kafka").get("environment").toString()).contains("broker,controller");
        assertThat(services.get("mongo").get("image").asString()).startsWith("mongo:");
    }

    @ParameterizedTest
    @EnumSource(ServiceKind.class)
    void eachServiceRunsItsBuildpackImageOnItsDefaultPortAgainstKafka(ServiceKind kind) throws Exception {
        JsonNode service = compose().get("services").get(kind.artifactId());

        assertThat(service.get("image").asString()).startsWith("toxwatch/" + kind.artifactId() + ":");
        assertThat(service.get("ports").toString()).contains(kind.defaultPort() + ":" + kind.defaultPort());
        assertThat(environmentOf(service)).containsEntry("KAFKA_BOOTSTRAP_SERVERS", "kafka:9092");
    }

    @Test
    void composeNeverCarriesAFixedPassword() throws Exception {
        var passwords = new ArrayList<String>();
        compose()
                .get("services")
                .forEach(service -> environmentOf(service).forEach((name, value) -> {
                    if (name.contains("PASSWORD")) {
                        passwords.add(value);
                    }
                }));

        assertThat(passwords).isNotEmpty().allSatisfy(value -> assertThat(value).matches("\\$\\{[A-Z_]+:\\?.*}"));
    }

    @Test
    void ingestAndAlertingGetMongoDbAndMonitoringKeepsItsStateOnAVolume() throws Exception {
        JsonNode services = compose().get("services");

        assertThat(environmentOf(services.get("alerting-service")).get("MONGODB_URI"))
                .startsWith("mongodb://mongo:27017/");
        assertThat(environmentOf(services.get("ingest-service")).get("MONGODB_URI"))
                .startsWith("mongodb://mongo:27017/");
        assertThat(services.get("monitoring-service").get("volumes")).isNotEmpty();
    }

    @ParameterizedTest
    @EnumSource(ServiceKind.class)
    void prometheusScrapesEveryServiceAtItsActuatorEndpoint(ServiceKind kind) throws Exception {
        JsonNode config = yaml("deploy/prometheus/prometheus.yml");
        List<JsonNode> jobs = config.get("scrape_configs")
                .valueStream()
                .filter(job -> job.get("job_name").asString().equals(kind.artifactId()))
                .toList();

        assertThat(jobs).singleElement().satisfies(job -> {
            assertThat(job.get("metrics_path").asString()).isEqualTo("/actuator/prometheus");
            assertThat(job.toString()).contains(kind.artifactId() + ":" + kind.defaultPort());
        });
    }

    @Test
    void theGrafanaDashboardIsValidJsonAndQueriesOnlyToxWatchApplications() throws Exception {
        JsonNode dashboard =
                JSON.readTree(Files.readString(HOME.resolve("deploy/grafana/dashboards/toxwatch-overview.json")));

        assertThat(dashboard.get("panels")).isNotEmpty();
        assertThat(dashboard.findValuesAsString("expr")).isNotEmpty().noneMatch(String::isBlank);
    }
}
