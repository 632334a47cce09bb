package org.toxwatch.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.toxwatch.model.Topics;
import org.toxwatch.platform.BootstrapCredentials;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Kubernetes manifests (deploy/k8s) against what the services read and expose and the contract's topics. The
 * base and platform files are read as they are; each overlay is rendered with {@code kubectl kustomize} where kubectl
 * is installed. bin/test also checks every rendered object against the Kubernetes schemas.
 */
class KubernetesManifestsTest {

    private static final Path HOME = ToxWatchLauncher.home();
    private static final Path K8S = HOME.resolve("deploy/k8s");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<String> OUTSIDE_PORTS = Set.of("8081", "2575");

    private static List<JsonNode> documents(String yaml) {
        var documents = new ArrayList<JsonNode>();
        for (Object document : new Yaml().loadAll(yaml)) {
            if (document != null) {
                documents.add(JSON.valueToTree(document));
            }
        }
        return documents;
    }

    /** Every object of base/ and platform/, as written (no overlay applied). */
    private static List<JsonNode> manifests() throws IOException {
        try (Stream<Path> files = Files.walk(K8S)) {
            return files.filter(file -> file.toString().endsWith(".yaml"))
                    .filter(file -> !file.getFileName().toString().equals("kustomization.yaml"))
                    .filter(file -> file.startsWith(K8S.resolve("base")) || file.startsWith(K8S.resolve("platform")))
                    .sorted()
                    .flatMap(file -> documents(read(file)).stream())
                    .toList();
        }
    }

    private static List<JsonNode> rendered(String overlay) throws Exception {
        Process kubectl = new ProcessBuilder(
                        "kubectl",
                        "kustomize",
                        K8S.resolve("overlays").resolve(overlay).toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        String output = new String(kubectl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(kubectl.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(kubectl.exitValue()).as("kubectl kustomize %s", overlay).isZero();
        return documents(output);
    }

    private static boolean kubectlInstalled() {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(directory -> Files.isExecutable(Path.of(directory, "kubectl")));
    }

    private static List<JsonNode> ofKind(List<JsonNode> objects, String... kinds) {
        Set<String> wanted = Set.of(kinds);
        return objects.stream()
                .filter(object -> wanted.contains(object.get("kind").asString()))
                .toList();
    }

    private static JsonNode workloadOf(List<JsonNode> objects, ServiceKind kind) {
        return ofKind(objects, "Deployment", "StatefulSet").stream()
                .filter(workload ->
                        workload.get("metadata").get("name").asString().equals(kind.artifactId()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no Deployment or StatefulSet " + kind.artifactId()));
    }

    private static JsonNode containerOf(JsonNode workload) {
        return workload.get("spec")
                .get("template")
                .get("spec")
                .get("containers")
                .get(0);
    }

    private static List<JsonNode> env(JsonNode container) {
        return container.get("env").valueStream().toList();
    }

    private static JsonNode configMap(List<JsonNode> objects, String namePrefix) {
        return ofKind(objects, "ConfigMap").stream()
                .filter(map -> map.get("metadata").get("name").asString().startsWith(namePrefix))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no ConfigMap " + namePrefix));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ParameterizedTest
    @EnumSource(ServiceKind.class)
    void eachServiceHasLivenessReadinessAndStartupProbesOnItsActuatorPort(ServiceKind kind) throws Exception {
        JsonNode container = containerOf(workloadOf(manifests(), kind));

        assertThat(container.get("ports").valueStream()).anySatisfy(port -> {
            assertThat(port.get("name").asString()).isEqualTo("http");
            assertThat(port.get("containerPort").asInt()).isEqualTo(kind.defaultPort());
        });
        assertThat(container.get("livenessProbe").get("httpGet").get("path").asString())
                .isEqualTo("/actuator/health/liveness");
        assertThat(container.get("readinessProbe").get("httpGet").get("path").asString())
                .isEqualTo("/actuator/health/readiness");
        assertThat(container.get("startupProbe").get("httpGet").get("path").asString())
                .isEqualTo("/actuator/health/liveness");
        assertThat(List.of(container.get("livenessProbe"), container.get("readinessProbe")))
                .allSatisfy(probe ->
                        assertThat(probe.get("httpGet").get("port").asString()).isEqualTo("http"));
    }

    @ParameterizedTest
    @EnumSource(ServiceKind.class)
    void eachServiceRequestsCpuAndMemoryAndIsBoundedInMemoryAsANonRootReadOnlyContainer(ServiceKind kind)
            throws Exception {
        JsonNode workload = workloadOf(manifests(), kind);
        JsonNode container = containerOf(workload);

        assertThat(container.get("resources").get("requests").propertyNames()).contains("cpu", "memory");
        assertThat(container.get("resources").get("limits").propertyNames()).contains("memory");
        assertThat(container
                        .get("securityContext")
                        .get("readOnlyRootFilesystem")
                        .asBoolean())
                .isTrue();
        assertThat(container
                        .get("securityContext")
                        .get("allowPrivilegeEscalation")
                        .asBoolean())
                .isFalse();
        assertThat(workload.get("spec")
                        .get("template")
                        .get("spec")
                        .get("securityContext")
                        .get("runAsNonRoot")
                        .asBoolean())
                .isTrue();
    }

    @ParameterizedTest
    @EnumSource(ServiceKind.class)
    void eachServiceHasADisruptionBudgetOverItsOwnPods(ServiceKind kind) throws Exception {
        List<JsonNode> objects = manifests();
        JsonNode workload = workloadOf(objects, kind);
        JsonNode selector = workload.get("spec").get("selector").get("matchLabels");

        assertThat(workload.get("spec")
                        .get("template")
                        .get("metadata")
                        .get("labels")
                        .properties())
                .containsAll(selector.properties());
        assertThat(workload.get("spec")
                        .get("template")
                        .get("metadata")
                        .get("labels")
                        .get("app.kubernetes.io/name")
                        .asString())
                .isEqualTo(kind.artifactId());
        assertThat(ofKind(objects, "PodDisruptionBudget"))
                .filteredOn(budget ->
                        budget.get("spec").get("selector").get("matchLabels").equals(selector))
                .singleElement()
                .satisfies(budget ->
                        assertThat(budget.get("spec").propertyNames()).containsAnyOf("minAvailable", "maxUnavailable"));
    }

    @ParameterizedTest
    @EnumSource(ServiceKind.class)
    void eachServiceGetsTheVariablesItsConfigurationReadsAndNoneItIgnores(ServiceKind kind) throws Exception {
        List<JsonNode> objects = manifests();
        JsonNode container = containerOf(workloadOf(objects, kind));
        var given = new HashSet<String>();
        env(container).forEach(variable -> given.add(variable.get("name").asString()));
        container
                .get("envFrom")
                .forEach(source -> given.addAll(configMap(
                                objects, source.get("configMapRef").get("name").asString())
                        .get("data")
                        .propertyNames()));
        var needed = new HashSet<>(Set.of(kind.portVariable(), "KAFKA_BOOTSTRAP_SERVERS"));
        Stream.of(
                        BootstrapCredentials.INTEGRATION_USER,
                        BootstrapCredentials.CLINICIAN_USER,
                        BootstrapCredentials.OPERATOR_USER)
                .forEach(user -> needed.add(BootstrapCredentials.environmentVariableOf(user)));
        switch (kind) {
            // HL7 times without an offset (ingest), therapy days (monitoring) and the console's times (alerting) are
            // read
            // in the hospital's zone.
            case INGEST -> needed.addAll(Set.of("MONGODB_URI", "TOXWATCH_HOSPITAL_ZONE"));
            case MONITORING ->
                needed.addAll(Set.of("TOXWATCH_DATA_DIR", "MONITORING_ADVERTISED_HOST", "TOXWATCH_HOSPITAL_ZONE"));
            case ALERTING ->
                needed.addAll(Set.of("MONGODB_URI", "TOXWATCH_WEBHOOK_SECRET_KEYS", "TOXWATCH_HOSPITAL_ZONE"));
        }
        String configuration =
                read(HOME.resolve("services").resolve(kind.artifactId()).resolve("src/main/resources/application.yml"));

        assertThat(given).containsAll(needed);
        assertThat(given)
                .filteredOn(name -> !name.startsWith("TOXWATCH_BOOTSTRAP_")
                        && !name.startsWith("SPRING_")
                        && !name.equals("POD_IP"))
                .allSatisfy(name -> assertThat(configuration).as(name).contains("${" + name));
    }

    @Test
    void passwordsTheMongoDbUriAndTheWebhookKeyRingComeFromSecretsThatNoManifestContains() throws Exception {
        List<JsonNode> secretValued = new ArrayList<>();
        for (ServiceKind kind : ServiceKind.values()) {
            env(containerOf(workloadOf(manifests(), kind))).stream()
                    .filter(variable -> variable.get("name").asString().contains("PASSWORD")
                            || variable.get("name").asString().equals("MONGODB_URI")
                            || variable.get("name").asString().equals("TOXWATCH_WEBHOOK_SECRET_KEYS"))
                    .forEach(secretValued::add);
        }
        List<JsonNode> everything = new ArrayList<>();
        try (Stream<Path> files = Files.walk(K8S)) {
            files.filter(file -> file.toString().endsWith(".yaml"))
                    .forEach(file -> everything.addAll(documents(read(file))));
        }

        assertThat(secretValued).hasSize(3 * 3 + 2 + 1).allSatisfy(variable -> {
            assertThat(variable.has("value")).isFalse();
            assertThat(variable.get("valueFrom").has("secretKeyRef")).isTrue();
        });
        assertThat(ofKind(everything, "Secret")).isEmpty();
        assertThat(ofKind(everything, "ConfigMap"))
                .allSatisfy(map -> assertThat(map.path("data").propertyNames())
                        .noneMatch(key -> key.contains("PASSWORD") || key.contains("SECRET")));
    }

    @Test
    void hl7OverMllpIsServedOnPort2575ByTheIngestPods() throws Exception {
        List<JsonNode> objects = manifests();
        JsonNode ingest = containerOf(workloadOf(objects, ServiceKind.INGEST));

        assertThat(ofKind(objects, "Service"))
                .filteredOn(
                        service -> service.get("spec").get("ports").toString().contains("2575"))
                .singleElement()
                .satisfies(service -> {
                    assertThat(service.get("spec")
                                    .get("selector")
                                    .get("app.kubernetes.io/name")
                                    .asString())
                            .isEqualTo(ServiceKind.INGEST.artifactId());
                    assertThat(service.get("spec")
                                    .get("ports")
                                    .get(0)
                                    .get("targetPort")
                                    .asString())
                            .isEqualTo("mllp");
                });
        assertThat(ingest.get("ports").valueStream()).anySatisfy(port -> {
            assertThat(port.get("name").asString()).isEqualTo("mllp");
            assertThat(port.get("containerPort").asInt()).isEqualTo(2575);
        });
    }

    @Test
    void everythingIsRefusedUnlessAllowedAndOnlyIngestHttpAndMllpAreOpenToNetworksOutsideTheCluster() throws Exception {
        List<JsonNode> policies = ofKind(manifests(), "NetworkPolicy");

        assertThat(policies).anySatisfy(policy -> {
            assertThat(policy.get("spec")
                            .get("podSelector")
                            .get("matchLabels")
                            .get("app.kubernetes.io/part-of")
                            .asString())
                    .isEqualTo("toxwatch");
            assertThat(policy.get("spec").get("policyTypes").toString()).contains("Ingress", "Egress");
            assertThat(policy.get("spec").has("ingress")).isFalse();
            assertThat(policy.get("spec").has("egress")).isFalse();
        });
        assertThat(policies)
                .filteredOn(
                        policy -> policy.get("spec").path("ingress").toString().contains("ipBlock"))
                .isNotEmpty()
                .allSatisfy(policy -> {
                    assertThat(policy.get("spec")
                                    .get("podSelector")
                                    .get("matchLabels")
                                    .get("app.kubernetes.io/name")
                                    .asString())
                            .isEqualTo(ServiceKind.INGEST.artifactId());
                    assertThat(policy.get("spec").get("ingress").findValuesAsString("port"))
                            .isNotEmpty()
                            .allSatisfy(port -> assertThat(OUTSIDE_PORTS).contains(port));
                });
    }

    @Test
    void everyTopicOfTheContractIsAStrimziTopicOfSixPartitionsAndPatientGradesIsCompacted() throws Exception {
        List<JsonNode> objects = manifests();
        String cluster =
                ofKind(objects, "Kafka").getFirst().get("metadata").get("name").asString();
        List<JsonNode> topics = ofKind(objects, "KafkaTopic");

        assertThat(topics.stream()
                        .map(topic -> topic.get("spec").get("topicName").asString()))
                .containsAll(Topics.ALL)
                .contains(Topics.deadLetterTopicOf(Topics.ALERT_EVENTS))
                .doesNotHaveDuplicates();
        assertThat(topics).allSatisfy(topic -> {
            String name = topic.get("spec").get("topicName").asString();
            String cleanup =
                    topic.get("spec").get("config").path("cleanup.policy").asString("delete");
            assertThat(topic.get("metadata")
                            .get("labels")
                            .get("strimzi.io/cluster")
                            .asString())
                    .isEqualTo(cluster);
            assertThat(topic.get("spec").get("partitions").asInt()).as(name).isEqualTo(6);
            assertThat(cleanup).as(name).isEqualTo(Topics.COMPACTED.contains(name) ? "compact" : "delete");
        });
    }

    @Test
    void theServicesFindKafkaAtStrimzisBootstrapServiceAndMongoDbInTheOperatorsConnectionSecret() throws Exception {
        List<JsonNode> objects = manifests();
        JsonNode kafka = ofKind(objects, "Kafka").getFirst();
        JsonNode listener = kafka.get("spec").get("kafka").get("listeners").get(0);
        JsonNode mongoUser = ofKind(objects, "MongoDBCommunity")
                .getFirst()
                .get("spec")
                .get("users")
                .get(0);

        assertThat(configMap(objects, "toxwatch-config")
                        .get("data")
                        .get("KAFKA_BOOTSTRAP_SERVERS")
                        .asString())
                .isEqualTo(kafka.get("metadata").get("name").asString() + "-kafka-bootstrap:"
                        + listener.get("port").asInt());
        for (ServiceKind kind : List.of(ServiceKind.INGEST, ServiceKind.ALERTING)) {
            assertThat(env(containerOf(workloadOf(objects, kind))))
                    .filteredOn(variable -> variable.get("name").asString().equals("MONGODB_URI"))
                    .singleElement()
                    .satisfies(variable -> {
                        JsonNode secret = variable.get("valueFrom").get("secretKeyRef");
                        assertThat(secret.get("name").asString())
                                .isEqualTo(mongoUser
                                        .get("connectionStringSecretName")
                                        .asString());
                        assertThat(secret.get("key").asString()).isEqualTo("connectionString.standard");
                    });
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "production", "external"})
    void eachOverlayRendersWithTheHospitalZoneAndBudgetsThatLetANodeBeDrained(String overlay) throws Exception {
        assumeTrue(kubectlInstalled(), "kubectl is not installed: the overlays are rendered where it is (bin/test)");
        List<JsonNode> objects = rendered(overlay);
        Set<String> configMaps = new HashSet<>();
        ofKind(objects, "ConfigMap")
                .forEach(map -> configMaps.add(map.get("metadata").get("name").asString()));

        assertThat(objects)
                .allSatisfy(object -> assertThat(object.get("metadata").has("namespace"))
                        .as(object.get("kind").asString() + " "
                                + object.get("metadata").get("name").asString())
                        .isTrue());
        assertThat(ZoneId.of(configMap(objects, "toxwatch-site")
                        .get("data")
                        .get("TOXWATCH_HOSPITAL_ZONE")
                        .asString()))
                .isNotNull();
        for (ServiceKind kind : ServiceKind.values()) {
            JsonNode workload = workloadOf(objects, kind);
            int replicas = workload.get("spec").path("replicas").asInt(1);
            assertThat(containerOf(workload).has("livenessProbe")).isTrue();
            // The network policies and Strimzi's listener admit pods by this label.
            assertThat(workload.get("spec")
                            .get("template")
                            .get("metadata")
                            .get("labels")
                            .get("app.kubernetes.io/part-of")
                            .asString())
                    .isEqualTo("toxwatch");
            assertThat(containerOf(workload).get("env").findValues("configMapKeyRef"))
                    .allSatisfy(reference -> assertThat(configMaps)
                            .contains(reference.get("name").asString()));
            assertThat(ofKind(objects, "PodDisruptionBudget"))
                    .filteredOn(budget ->
                            budget.get("metadata").get("name").asString().equals(kind.artifactId()))
                    .singleElement()
                    .satisfies(budget -> assertThat(
                                    budget.get("spec").path("minAvailable").asInt(0))
                            .as("%s: %d replica(s)", kind.artifactId(), replicas)
                            .isLessThan(replicas));
        }
    }

    @Test
    void productionExposesMllpOnlyToTheNetworksItsPolicyAdmits() throws Exception {
        assumeTrue(kubectlInstalled(), "kubectl is not installed: the overlays are rendered where it is (bin/test)");
        List<JsonNode> objects = rendered("production");
        JsonNode mllp = ofKind(objects, "Service").stream()
                .filter(service ->
                        service.get("metadata").get("name").asString().equals("ingest-mllp"))
                .findFirst()
                .orElseThrow();
        JsonNode policy = ofKind(objects, "NetworkPolicy").stream()
                .filter(candidate ->
                        candidate.get("metadata").get("name").asString().equals("ingest-from-hospital-networks"))
                .findFirst()
                .orElseThrow();

        assertThat(mllp.get("spec").get("type").asString()).isEqualTo("LoadBalancer");
        assertThat(mllp.get("spec").get("externalTrafficPolicy").asString()).isEqualTo("Local");
        assertThat(mllp.get("spec")
                        .get("loadBalancerSourceRanges")
                        .valueStream()
                        .map(JsonNode::asString))
                .containsExactlyInAnyOrderElementsOf(
                        policy.get("spec").get("ingress").findValuesAsString("cidr"));
    }

    @Test
    void theExternalOverlayDeploysNoKafkaOrMongoDbAndPointsTheServicesAway() throws Exception {
        assumeTrue(kubectlInstalled(), "kubectl is not installed: the overlays are rendered where it is (bin/test)");
        List<JsonNode> objects = rendered("external");

        assertThat(ofKind(objects, "Kafka", "KafkaNodePool", "KafkaTopic", "MongoDBCommunity"))
                .isEmpty();
        assertThat(configMap(objects, "toxwatch-config")
                        .get("data")
                        .get("KAFKA_BOOTSTRAP_SERVERS")
                        .asString())
                .doesNotContain("toxwatch-kafka-bootstrap");
    }
}
