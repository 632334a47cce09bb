package org.toxwatch.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.toxwatch.model.Criterion;
import org.toxwatch.model.Topics;
import org.toxwatch.testinfrastructure.IntegrationInfrastructure;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One observation the whole way: a hospital posts an ANC of 0.4 x10^9/L to ingest, monitoring grades it
 * CTCAE grade 4 neutrophil count decreased, alerting stores a high-priority alert with the evidence. Runs the
 * three production jars as processes against the shared integration infrastructure (embedded here,
 * Testcontainers where Docker exists), started once for all launcher ITs by {@link RunningPlatform}.
 */
@ExtendWith(RunningPlatform.Shared.class)
class EndToEndIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static int mllpPort;
    private static LocalPlatform platform;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startPlatform() {
        var running = RunningPlatform.shared();
        platform = running.platform();
        mllpPort = running.mllpPort();
    }

    @Test
    void anAncOfZeroPointFourBecomesAGradeFourAlertWithItsEvidence() throws Exception {
        String patientId = "MRN-" + UUID.randomUUID();
        String body = """
                {"patientId":"%s","loinc":"751-8","value":0.4,"unit":"10*9/L",\
                "effectiveTime":"%s","referenceRange":{"low":1.8,"high":7.7},"sourceMessageId":"lab-42"}""".formatted(patientId, Instant.now().minus(Duration.ofHours(2)));

        var posted = post(ServiceKind.INGEST, "/api/v1/observations", body, "integration");

        assertThat(posted.statusCode()).isEqualTo(202);
        assertThat(JSON.readTree(posted.body()).get("eventIds")).hasSize(1);

        JsonNode alert = await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> alertsOf(patientId), alerts -> alerts.size() == 1)
                .getFirst();
        assertThat(alert.get("patientId").asString()).isEqualTo(patientId);
        assertThat(alert.get("criterionId").asString()).isEqualTo("CTCAE-5.0/neutrophil_count_decreased");
        assertThat(alert.get("grade").asInt()).isEqualTo(4);
        assertThat(alert.get("priority").asString()).isEqualTo("HIGH");
        assertThat(alert.get("status").asString()).isEqualTo("OPEN");
        assertThat(alert.get("createdAt").asString()).isNotBlank();
        JsonNode evidence = alert.get("evidence").get(0);
        assertThat(evidence.get("code").asString()).isEqualTo("751-8");
        assertThat(evidence.get("value").decimalValue()).isEqualByComparingTo("0.4");
        assertThat(evidence.get("unit").asString()).isEqualTo("10*9/L");
        assertThat(evidence.get("sourceMessageId").asString()).isEqualTo("lab-42");
        assertThat(alert.get("referenceRangeSource").asString()).isEqualTo("REPORTED");
    }

    @Test
    void monitoringAnswersAPatientsCurrentGradesAndTheCalculatorAgrees() throws Exception {
        String patientId = "MRN-" + UUID.randomUUID();
        Instant collected = Instant.now().minus(Duration.ofHours(4));
        String observation = """
                {"patientId":"%s","loinc":"777-3","value":42,"unit":"10*9/L","effectiveTime":"%s",\
                "referenceRange":{"low":150,"high":400},"sourceMessageId":"plt-1"}""".formatted(patientId, collected);
        assertThat(post(ServiceKind.INGEST, "/api/v1/observations", observation, "integration")
                        .statusCode())
                .isEqualTo(202);

        JsonNode current = await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(
                        () -> JSON.readTree(get(
                                        ServiceKind.MONITORING,
                                        "/api/v1/patients/" + patientId + "/assessments",
                                        "clinician")
                                .body()),
                        assessments -> assessments.isArray() && !assessments.isEmpty());
        JsonNode platelets = current.valueStream()
                .filter(a -> a.get("criterionId").asString().equals("CTCAE-5.0/platelet_count_decreased"))
                .findFirst()
                .orElseThrow();
        assertThat(platelets.get("grade").asInt()).isEqualTo(3);

        String whatIf = """
                {"labResults":[{"loinc":"777-3","value":42,"unit":"10*9/L","observedAt":"%s",\
                "referenceRange":{"low":150,"high":400}}]}""".formatted(collected);
        var calculated = post(ServiceKind.MONITORING, "/api/v1/grade", whatIf, "clinician");

        assertThat(calculated.statusCode()).isEqualTo(200);
        JsonNode calculatedPlatelets = JSON.readTree(calculated.body())
                .get("assessments")
                .valueStream()
                .filter(a -> a.get("criterionId").asString().equals("CTCAE-5.0/platelet_count_decreased"))
                .findFirst()
                .orElseThrow();
        assertThat(calculatedPlatelets.get("grade")).isEqualTo(platelets.get("grade"));
        assertThat(calculatedPlatelets.get("thresholds")).isEqualTo(platelets.get("thresholds"));
        assertThat(calculatedPlatelets.get("summary")).isEqualTo(platelets.get("summary"));
    }

    @Test
    void aClinicianAcknowledgesAnAlertAndTheAuditTrailShowsWhoAndWhen() throws Exception {
        String patientId = "MRN-" + UUID.randomUUID();
        String body = """
                {"patientId":"%s","loinc":"751-8","value":0.2,"unit":"10*9/L",\
                "effectiveTime":"%s","sourceMessageId":"lab-ack-1"}""".formatted(patientId, Instant.now().minus(Duration.ofHours(1)));
        post(ServiceKind.INGEST, "/api/v1/observations", body, "integration");
        String alertId = await().atMost(Duration.ofSeconds(60))
                .until(() -> alertsOf(patientId), alerts -> alerts.size() == 1)
                .getFirst()
                .get("alertId")
                .asString();

        var refused = post(ServiceKind.ALERTING, "/api/v1/alerts/" + alertId + "/acknowledge", "{}", "integration");
        var acknowledged = post(
                ServiceKind.ALERTING, "/api/v1/alerts/" + alertId + "/acknowledge", "{\"note\":\"seen\"}", "clinician");
        var again = post(ServiceKind.ALERTING, "/api/v1/alerts/" + alertId + "/acknowledge", "{}", "clinician");

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(acknowledged.statusCode()).isEqualTo(200);
        assertThat(again.statusCode()).isEqualTo(409);
        JsonNode detail = JSON.readTree(get(ServiceKind.ALERTING, "/api/v1/alerts/" + alertId, "clinician")
                .body());
        assertThat(detail.get("alert").get("status").asString()).isEqualTo("ACKNOWLEDGED");
        assertThat(detail.get("audit").findValuesAsString("transition")).containsExactly("RAISED", "ACKNOWLEDGED");
        assertThat(detail.get("audit").findValuesAsString("actor")).containsExactly("toxwatch", "clinician");
        assertThat(detail.get("audit").get(1).get("reason").asString()).isEqualTo("seen");
    }

    @Test
    void aConsoleFollowingTheLiveStreamSeesANewAlertArrive() throws Exception {
        String patientId = "MRN-" + UUID.randomUUID();
        var request = HttpRequest.newBuilder(
                        URI.create(platform.baseUrl(ServiceKind.ALERTING) + "/api/v1/alerts/stream"))
                .header("Authorization", basic("clinician"))
                .header("Accept", "text/event-stream")
                .GET()
                .build();
        var stream =
                http.sendAsync(request, HttpResponse.BodyHandlers.ofLines()).get(30, TimeUnit.SECONDS);
        assertThat(stream.statusCode()).isEqualTo(200);
        var lines = stream.body().iterator();
        var reader = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            String event = null;
            while (lines.hasNext()) {
                String line = lines.next();
                if (line.startsWith("event:")) {
                    event = line.substring("event:".length()).trim();
                } else if (line.startsWith("data:") && line.contains(patientId)) {
                    return event;
                }
            }
            return null;
        });

        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    // The live feed starts reading at the newest record: post until it has joined and sees one.
                    post(
                            ServiceKind.INGEST,
                            "/api/v1/observations",
                            """
                    {"patientId":"%s","loinc":"751-8","value":0.3,"unit":"10*9/L",\
                    "effectiveTime":"%s","sourceMessageId":"lab-live-%s"}""".formatted(patientId, Instant.now().minus(Duration.ofMinutes(30)), UUID.randomUUID()),
                            "integration");
                    return reader.isDone();
                });
        assertThat(reader.get(5, TimeUnit.SECONDS)).isIn("RAISED", "UPDATED");
    }

    @Test
    void aResentObservationDoesNotRaiseASecondAlert() throws Exception {
        String patientId = "MRN-" + UUID.randomUUID();
        String body = """
                {"patientId":"%s","loinc":"751-8","value":0.3,"unit":"10*9/L",\
                "effectiveTime":"%s","sourceMessageId":"lab-resend-1"}""".formatted(patientId, Instant.now().minus(Duration.ofHours(1)));

        var first = post(ServiceKind.INGEST, "/api/v1/observations", body, "integration");
        var resent = post(ServiceKind.INGEST, "/api/v1/observations", body, "integration");

        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(resent.statusCode()).isEqualTo(202);
        assertThat(JSON.readTree(resent.body()).get("eventIds"))
                .as("the resend is answered with the original event ids")
                .isEqualTo(JSON.readTree(first.body()).get("eventIds"));
        assertThat(JSON.readTree(first.body()).get("resend").asBoolean()).isFalse();
        assertThat(JSON.readTree(resent.body()).get("resend").asBoolean()).isTrue();
        await().atMost(Duration.ofSeconds(60)).until(() -> alertsOf(patientId).size() == 1);
        JsonNode alert = alertsOf(patientId).getFirst();
        assertThat(alert.get("grade").asInt()).isEqualTo(4);
    }

    @Test
    void anArrayOfObservationsIsAcceptedWholeWithOneEventIdEach() throws Exception {
        String patientId = "MRN-" + UUID.randomUUID();
        Instant at = Instant.now().minus(Duration.ofHours(3));
        String body = """
                [{"patientId":"%1$s","loinc":"8310-5","value":100.4,"unit":"[degF]","effectiveTime":"%2$s",\
                "sourceMessageId":"flow-1"},
                 {"patientId":"%1$s","loinc":"1742-6","value":45,"unit":"U/L","effectiveTime":"%2$s",\
                "referenceRange":{"high":40},"sourceMessageId":"lab-77"}]""".formatted(patientId, at);

        var posted = post(ServiceKind.INGEST, "/api/v1/observations", body, "integration");

        assertThat(posted.statusCode()).isEqualTo(202);
        assertThat(JSON.readTree(posted.body()).get("eventIds")).hasSize(2);
    }

    @Test
    void aBodyThatIsNotJsonIsRejectedAndNamesWhereItBroke() throws Exception {
        var rejected = post(
                ServiceKind.INGEST,
                "/api/v1/observations",
                "{\"patientId\": \"MRN-1\", \"value\": abc}",
                "integration");

        assertThat(rejected.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(rejected.body())
                        .get("errors")
                        .get(0)
                        .get("message")
                        .asString())
                .contains("not valid JSON");
    }

    @Test
    void anInvalidObservationIsRejectedWithEveryProblemNamed() throws Exception {
        String body = """
                {"loinc":"751-8","value":-1,"unit":"mg","effectiveTime":"2026-01-01T00:00:00Z"}""";

        var rejected = post(ServiceKind.INGEST, "/api/v1/observations", body, "integration");

        assertThat(rejected.statusCode()).isEqualTo(400);
        JsonNode problem = JSON.readTree(rejected.body());
        assertThat(problem.get("type").asString()).isEqualTo("urn:toxwatch:problem:invalid-submission");
        assertThat(problem.get("errors").findValuesAsString("field"))
                .contains("patientId", "sourceMessageId", "value", "unit");
    }

    @Test
    void aRecordMonitoringCannotReadLandsOnItsTopicsDeadLetterTopicWithTheOriginalBytes() {
        String poison = "not json " + UUID.randomUUID();
        var infrastructure = IntegrationInfrastructure.shared();
        try (var producer = new KafkaProducer<String, String>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            producer.send(new ProducerRecord<>(Topics.LAB_RESULTS, "MRN-poison", poison));
        }

        try (var consumer = new KafkaConsumer<String, String>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                infrastructure.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG,
                "e2e-dlt-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class))) {
            consumer.subscribe(List.of(Topics.LAB_RESULTS_DLT));
            var deadLetters = new java.util.ArrayList<String>();
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(500)).forEach(record -> deadLetters.add(record.value()));
                return deadLetters.contains(poison);
            });
        }
    }

    @Test
    void everyEndpointButHealthInfoAndPrometheusNeedsTheRightRole() throws Exception {
        assertThat(get(ServiceKind.ALERTING, "/api/v1/alerts", null).statusCode())
                .isEqualTo(401);
        assertThat(get(ServiceKind.ALERTING, "/api/v1/alerts", "integration").statusCode())
                .isEqualTo(403);
        assertThat(post(ServiceKind.INGEST, "/api/v1/observations", "{}", "clinician")
                        .statusCode())
                .isEqualTo(403);
        for (ServiceKind kind : ServiceKind.values()) {
            assertThat(get(kind, "/actuator/health/readiness", null).statusCode())
                    .isEqualTo(200);
            var prometheus = get(kind, "/actuator/prometheus", null);
            assertThat(prometheus.statusCode()).isEqualTo(200);
            assertThat(prometheus.body()).contains("application=\"" + kind.artifactId() + "\"");
        }
    }

    @Test
    void everyServiceDescribesItsApiInOpenApiForSignedInUsers() throws Exception {
        var expected = Map.of(
                ServiceKind.INGEST, List.of("/api/v1/observations", "/api/v1/neuro-assessments", "/fhir/Observation"),
                ServiceKind.MONITORING, List.of("/api/v1/grade", "/api/v1/patients/{patientId}/assessments"),
                ServiceKind.ALERTING, List.of("/api/v1/alerts", "/api/v1/alerts/{alertId}/acknowledge"));
        for (var service : expected.entrySet()) {
            var described = get(service.getKey(), "/v3/api-docs", "operator");

            assertThat(described.statusCode())
                    .as(service.getKey() + " /v3/api-docs")
                    .isEqualTo(200);
            JsonNode openApi = JSON.readTree(described.body());
            assertThat(openApi.get("openapi").asString()).startsWith("3.");
            assertThat(openApi.get("paths").propertyNames()).containsAll(service.getValue());
        }
        var anonymous = http.send(
                HttpRequest.newBuilder(URI.create(platform.baseUrl(ServiceKind.INGEST) + "/v3/api-docs"))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(anonymous.statusCode()).isIn(401, 302);
    }

    @Test
    void anHl7ResultSentOverMllpIsAcknowledgedAaAndBecomesAnAlert() throws Exception {
        String patientId = "MRN-" + UUID.randomUUID();
        String collected = java.time.format.DateTimeFormatter.ofPattern("yyyyMMddHHmmZ")
                .format(Instant.now().minus(Duration.ofHours(3)).atZone(java.time.ZoneOffset.UTC));
        String oru = String.join(
                        "\r",
                        "MSH|^~\\&|LIS|E2E-HOSPITAL|TOXWATCH|TOXWATCH|" + collected + "||ORU^R01^ORU_R01|E2E-"
                                + UUID.randomUUID() + "|P|2.5.1",
                        "PID|1||" + patientId + "^^^E2E-HOSPITAL^MR",
                        "OBR|1||F-1|57021-8^CBC^LN|||" + collected,
                        "OBX|1|NM|777-3^Platelets^LN||18|10*3/uL^^UCUM|150-400|LL|||F|||" + collected)
                + "\r";

        String ack = sendOverMllp(oru);

        assertThat(ack).contains("MSA|AA|");
        JsonNode alert = await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> alertsOf(patientId), alerts -> alerts.size() == 1)
                .getFirst();
        assertThat(alert.get("criterionId").asString()).isEqualTo("CTCAE-5.0/platelet_count_decreased");
        assertThat(alert.get("grade").asInt()).isEqualTo(4);
        assertThat(alert.get("evidence").get(0).get("unit").asString()).isEqualTo("10*9/L");
    }

    @Test
    void aBedsideIceScoreOfFiveAfterCarTBecomesAHighIcansAlert() throws Exception {
        String patientId = "MRN-" + UUID.randomUUID();
        Instant infused = Instant.now().minus(Duration.ofDays(4));
        String infusion = """
                {"patientId":"%s","type":"CAR_T_INFUSED","therapy":"CAR_T","product":"tisagenlecleucel",\
                "occurredAt":"%s","sourceMessageId":"mar-cart-1"}""".formatted(patientId, infused);
        String neuro = """
                {"patientId":"%s","assessedAt":"%s","iceScore":5,"consciousness":"ALERT","seizure":"NONE",\
                "motor":"NONE","icp":"NONE","sourceMessageId":"neuro-1"}""".formatted(patientId, Instant.now().minus(Duration.ofMinutes(30)));

        assertThat(post(ServiceKind.INGEST, "/api/v1/therapy-events", infusion, "integration")
                        .statusCode())
                .isEqualTo(202);
        assertThat(post(ServiceKind.INGEST, "/api/v1/neuro-assessments", neuro, "integration")
                        .statusCode())
                .isEqualTo(202);

        JsonNode alert = await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> alertsOf(patientId), alerts -> !alerts.isEmpty())
                .getFirst();
        assertThat(alert.get("criterionId").asString()).isEqualTo("ASTCT-2019/icans");
        assertThat(alert.get("grade").asInt()).as("ICE 3-6 is grade 2").isEqualTo(2);
        assertThat(alert.get("priority").asString()).isEqualTo("HIGH");
    }

    /**
     * The demo's 6-year-old (issue 10): febrile at 86/50 mmHg, above her age limit of 82 mmHg, is CRS 1 and says so;
     * at 78 mmHg on a vasopressor she is CRS 3; after tocilizumab the grade falls and the alert keeps its highest.
     */
    @Test
    void theDemosSixYearOldIsGradedByTheLimitForHerAgeFromGradeOneToThree() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        var items = new DemoFeed(platform.baseUrl(ServiceKind.INGEST), "integration", "unused").paediatricCarTCrs(now);
        String patientId = (String) items.getFirst().body().get("patientId");
        Instant day1 =
                now.minus(Duration.ofDays(3)).truncatedTo(ChronoUnit.DAYS).plus(Duration.ofHours(34));

        sendDemoItemsUpTo(items, day1.plus(Duration.ofHours(6)));
        JsonNode febrile = awaitCrs(patientId, crs -> crs.get("grade").asInt() == 1);
        assertThat(febrile.get("summary").asString()).contains("82 mmHg").contains("age 6 years");

        sendDemoItemsUpTo(items, day1.plus(Duration.ofMinutes(910)));
        awaitCrs(patientId, crs -> crs.get("grade").asInt() == 3);

        sendDemoItemsUpTo(items, Instant.MAX);
        awaitCrs(patientId, crs -> crs.get("grade").asInt() < 3);
        JsonNode alert = await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(
                        () -> alertsOf(patientId).stream()
                                .filter(a -> a.get("criterionId")
                                        .asString()
                                        .equals(Criterion.CYTOKINE_RELEASE_SYNDROME.id()))
                                .toList(),
                        alerts -> alerts.size() == 1)
                .getFirst();
        assertThat(alert.get("highestGrade").asInt()).isEqualTo(3);
        assertThat(alert.get("patient").get("location").get("bed").asString()).isEqualTo("2");
    }

    private final java.util.Set<DemoFeed.Item> sentDemoItems = new java.util.HashSet<>();

    private void sendDemoItemsUpTo(List<DemoFeed.Item> items, Instant until) throws Exception {
        for (DemoFeed.Item item : items) {
            Object at = item.body().getOrDefault("effectiveTime", item.body().get("occurredAt"));
            if (sentDemoItems.contains(item)
                    || (at != null && Instant.parse((String) at).isAfter(until))) {
                continue;
            }
            var answer = post(ServiceKind.INGEST, item.path(), JSON.writeValueAsString(item.body()), "integration");
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
            sentDemoItems.add(item);
        }
    }

    private JsonNode awaitCrs(String patientId, java.util.function.Predicate<JsonNode> graded) {
        return await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(
                        () -> JSON.readTree(get(
                                                ServiceKind.MONITORING,
                                                "/api/v1/patients/" + patientId + "/assessments",
                                                "clinician")
                                        .body())
                                .valueStream()
                                .filter(a -> a.get("criterionId")
                                        .asString()
                                        .equals(Criterion.CYTOKINE_RELEASE_SYNDROME.id()))
                                .findFirst()
                                .orElse(null),
                        crs -> crs != null && graded.test(crs));
    }

    private static String sendOverMllp(String message) throws IOException {
        try (var socket = new java.net.Socket("localhost", mllpPort)) {
            socket.setSoTimeout(30_000);
            var out = socket.getOutputStream();
            out.write(0x0B);
            out.write(message.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            out.write(new byte[] {0x1C, 0x0D});
            out.flush();
            var ack = new java.io.ByteArrayOutputStream();
            int b;
            while ((b = socket.getInputStream().read()) != 0x1C && b >= 0) {
                if (b != 0x0B) {
                    ack.write(b);
                }
            }
            return ack.toString(java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private List<JsonNode> alertsOf(String patientId) throws IOException, InterruptedException {
        var response = get(ServiceKind.ALERTING, "/api/v1/alerts?patientId=" + patientId, "clinician");
        assertThat(response.statusCode()).isEqualTo(200);
        return JSON.readTree(response.body()).valueStream().toList();
    }

    private HttpResponse<String> post(ServiceKind kind, String path, String body, String user)
            throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create(platform.baseUrl(kind) + path))
                .header("Content-Type", "application/json")
                .header("Authorization", basic(user))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(ServiceKind kind, String path, String user)
            throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create(platform.baseUrl(kind) + path));
        if (user != null) {
            request.header("Authorization", basic(user));
        }
        return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String user) {
        return RunningPlatform.basic(user);
    }
}
