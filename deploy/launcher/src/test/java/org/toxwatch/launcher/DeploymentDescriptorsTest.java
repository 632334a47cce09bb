package org.toxwatch.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.toxwatch.model.Topics;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * docker-compose.yml and the Prometheus/Grafana/Alertmanager files cannot run here (no Docker engine), so they are
 * parsed and checked against what the services actually read and expose. promtool and amtool check the same files'
 * syntax and the rules' behaviour (bin/test).
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
    void composeNeverCarriesAFixedPasswordOrKey() throws Exception {
        var passwords = new ArrayList<String>();
        compose()
                .get("services")
                .forEach(service -> environmentOf(service).forEach((name, value) -> {
                    if (name.contains("PASSWORD") || name.endsWith("SECRET_KEYS")) {
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

    static Stream<Path> dashboards() throws IOException {
        try (Stream<Path> files = Files.list(HOME.resolve("deploy/grafana/dashboards"))) {
            return files.filter(file -> file.toString().endsWith(".json")).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("dashboards")
    void everyDashboardPanelQueriesOnlyMetricsTheServicesExpose(Path file) throws Exception {
        JsonNode dashboard = JSON.readTree(Files.readString(file));
        Set<String> exposed = MetricNames.exposedBy(HOME);
        List<JsonNode> panels = dashboard
                .get("panels")
                .valueStream()
                .filter(panel -> !"row".equals(panel.get("type").asString()))
                .toList();
        var unknown = new ArrayList<String>();
        panels.forEach(panel -> panel.findValuesAsString("expr")
                .forEach(expr -> MetricNames.readBy(expr).stream()
                        .filter(metric -> !exposed.contains(metric))
                        .forEach(metric -> unknown.add(panel.get("title").asString() + ": " + metric))));

        assertThat(dashboard.get("uid").asString()).startsWith("toxwatch-");
        assertThat(panels)
                .isNotEmpty()
                .allSatisfy(panel -> assertThat(panel.findValuesAsString("expr"))
                        .as(panel.get("title").asString())
                        .isNotEmpty()
                        .allSatisfy(expr ->
                                assertThat(MetricNames.readBy(expr)).as(expr).isNotEmpty()));
        assertThat(unknown).as("panels querying a metric nobody exposes").isEmpty();
    }

    @Test
    void thereIsADashboardPerServiceAndOneEndToEnd() throws Exception {
        var uids = dashboards()
                .map(file -> {
                    try {
                        return JSON.readTree(Files.readString(file)).get("uid").asString();
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();

        assertThat(uids)
                .contains("toxwatch-ingest", "toxwatch-monitoring", "toxwatch-alerting", "toxwatch-end-to-end")
                .doesNotHaveDuplicates();
    }

    private static List<JsonNode> alertRules() throws Exception {
        return yaml("deploy/prometheus/alert-rules.yml")
                .get("groups")
                .valueStream()
                .flatMap(group -> group.get("rules").valueStream())
                .toList();
    }

    @Test
    void everyAlertRuleQueriesOnlyMetricsTheServicesOrTheKafkaExporterExpose() throws Exception {
        Set<String> exposed = MetricNames.exposedBy(HOME);
        var unknown = new ArrayList<String>();
        alertRules()
                .forEach(rule -> MetricNames.readBy(rule.get("expr").asString()).stream()
                        .filter(metric -> !exposed.contains(metric))
                        .forEach(metric -> unknown.add(rule.get("alert").asString() + ": " + metric)));

        assertThat(alertRules())
                .isNotEmpty()
                .allSatisfy(
                        rule -> assertThat(MetricNames.readBy(rule.get("expr").asString()))
                                .as(rule.get("alert").asString())
                                .isNotEmpty());
        assertThat(unknown).as("rules querying a metric nobody exposes").isEmpty();
    }

    @Test
    void everyAlertRuleLinksItsRunbookWhichSaysWhatItMeansWhatToCheckAndHowToRecover() throws Exception {
        assertThat(alertRules()).allSatisfy(rule -> {
            String alert = rule.get("alert").asString();
            String runbookUrl = rule.get("annotations").get("runbook_url").asString();

            assertThat(runbookUrl).isEqualTo("docs/runbooks/" + alert + ".md");
            assertThat(HOME.resolve(runbookUrl)).isRegularFile();
            assertThat(Files.readString(HOME.resolve(runbookUrl)))
                    .startsWith("# " + alert)
                    .contains("## What it means", "## What to check", "## How to recover");
        });
    }

    @Test
    void theGradersResetProcedureReplaysEveryTopicItGradesFromThePatientsTopicIncluded() throws Exception {
        String procedure = Files.readString(HOME.resolve("docs/runbooks/procedures/reset-monitoring-streams.md"));
        var inputs = Pattern.compile("(?m)^\\s*inputs=(\\S+)$").matcher(procedure);

        assertThat(inputs.find()).as("the inputs= line of the reset command").isTrue();
        assertThat(List.of(inputs.group(1).split(","))).containsExactlyInAnyOrderElementsOf(Topics.CLINICAL_INPUTS);
    }

    @Test
    void everyAlertRuleHasAUnitTestInWhichItFires() throws Exception {
        List<String> firingInTests = yaml("deploy/prometheus/alert-rules.test.yml")
                .get("tests")
                .valueStream()
                .flatMap(test -> test.get("alert_rule_test").valueStream())
                .filter(check -> !check.get("exp_alerts").isEmpty())
                .map(check -> check.get("alertname").asString())
                .toList();

        assertThat(alertRules())
                .allSatisfy(rule ->
                        assertThat(firingInTests).contains(rule.get("alert").asString()));
    }

    @Test
    void prometheusSendsAlertsToTheComposeAlertmanagerAndScrapesTheKafkaExporter() throws Exception {
        JsonNode config = yaml("deploy/prometheus/prometheus.yml");
        JsonNode services = compose().get("services");

        assertThat(config.get("alerting").toString()).contains("alertmanager:9093");
        assertThat(config.get("scrape_configs").toString()).contains("kafka-exporter:9308");
        assertThat(services.get("alertmanager").get("image").asString()).startsWith("prom/alertmanager:");
        assertThat(services.get("alertmanager").get("volumes").toString())
                .contains("./deploy/prometheus/alertmanager.yml:");
        assertThat(services.get("kafka-exporter").get("command").toString()).contains("--kafka.server=kafka:9092");
    }

    @Test
    void everyLongRunningContainerHasAHealthcheck() throws Exception {
        compose().get("services").properties().forEach(service -> {
            JsonNode restart = service.getValue().get("restart");
            if (restart == null || !restart.asString().equals("no")) {
                assertThat(service.getValue().get("healthcheck"))
                        .as(service.getKey())
                        .isNotNull();
            }
        });
    }

    @ParameterizedTest
    @EnumSource(ServiceKind.class)
    void eachServiceIsHealthyWhenItsReadinessProbeIsUp(ServiceKind kind) throws Exception {
        JsonNode service = compose().get("services").get(kind.artifactId());

        assertThat(service.get("healthcheck").get("test").toString()).contains("/workspace/health-check");
        assertThat(environmentOf(service))
                .containsEntry("THC_PORT", String.valueOf(kind.defaultPort()))
                .containsEntry("THC_PATH", "/actuator/health/readiness");
    }

    @ParameterizedTest
    @EnumSource(ServiceKind.class)
    void eachServiceMustBeToldTheHospitalZoneHl7TimesWithoutOffsetAreReadIn(ServiceKind kind) throws Exception {
        JsonNode service = compose().get("services").get(kind.artifactId());

        assertThat(environmentOf(service).get("TOXWATCH_HOSPITAL_ZONE")).startsWith("${TOXWATCH_HOSPITAL_ZONE:?");
    }
}
