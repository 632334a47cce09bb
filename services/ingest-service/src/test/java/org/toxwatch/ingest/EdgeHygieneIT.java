package org.toxwatch.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.toxwatch.ingest.adapter.hl7.MllpServer;
import org.toxwatch.model.Topics;
import org.toxwatch.testinfrastructure.IntegrationInfrastructure;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * A hostile or broken sender against the running ingest service, on a real Kafka broker and MongoDB-wire store:
 * malformed input of every kind is answered with a specific, permanent refusal (400, 413, AE, never 503 or AR),
 * is listed for operators and can be looked up by the rejection id the sender was given; and the same message id
 * with a new value is stored in every format rather than dropped as a resend.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EdgeHygieneIT {

    private static final String INTEGRATION_PASSWORD = "edge-it-integration";
    private static final String OPERATOR_PASSWORD = "edge-it-operator";
    private static final int ONE_MIB = 1024 * 1024;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        IntegrationInfrastructure.shared().registerProperties(registry, "edge-hygiene-it");
        registry.add("toxwatch.ingest.mllp.port", () -> "0");
        registry.add("toxwatch.security.credentials-file", () -> "target/edge-hygiene-it-credentials");
        registry.add("TOXWATCH_BOOTSTRAP_INTEGRATION_PASSWORD", () -> INTEGRATION_PASSWORD);
        registry.add("TOXWATCH_BOOTSTRAP_OPERATOR_PASSWORD", () -> OPERATOR_PASSWORD);
    }

    @LocalServerPort
    int port;

    @Autowired
    MllpServer mllp;

    private final ObjectMapper json = new ObjectMapper();

    @Nested
    class Json {

        @Test
        void aLoneSurrogateInTheSourceMessageIdIsRefusedAndFoundByItsRejectionId() throws Exception {
            String body = observation("EDGE-" + UUID.randomUUID(), "2.5", "SE\\ud800C-" + UUID.randomUUID());

            HttpResponse<String> refused = post("/api/v1/observations", "application/json", bytes(body));

            assertThat(refused.statusCode()).isEqualTo(400);
            JsonNode problem = json.readTree(refused.body());
            assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("sourceMessageId");
            assertThat(problem.get("errors").get(0).get("message").asString()).contains("unpaired UTF-16 surrogate");
            assertListedAndFound(problem.get("rejectionId").asString(), "sourceMessageId");
        }

        @Test
        void tenToThe309IsRefusedAsTooLarge() throws Exception {
            String body = observation("EDGE-" + UUID.randomUUID(), "1e309", "edge-" + UUID.randomUUID());

            HttpResponse<String> refused = post("/api/v1/observations", "application/json", bytes(body));

            assertThat(refused.statusCode()).isEqualTo(400);
            JsonNode error = json.readTree(refused.body()).get("errors").get(0);
            assertThat(error.get("field").asString()).isEqualTo("value");
            assertThat(error.get("message").asString()).startsWith("is too large");
        }

        @Test
        void aNullBodyIsRefusedAndListed() throws Exception {
            HttpResponse<String> refused = post("/api/v1/observations", "application/json", bytes("null"));

            assertThat(refused.statusCode()).isEqualTo(400);
            JsonNode problem = json.readTree(refused.body());
            assertThat(problem.get("errors").get(0).get("message").asString()).startsWith("is null");
            assertListedAndFound(problem.get("rejectionId").asString(), "is null");
        }

        @Test
        void aFiveMegabytePatientIdIsRefusedAsTooLargeNotToldToRetry() throws Exception {
            String body = observation("P".repeat(5 * ONE_MIB), "2.5", "edge-" + UUID.randomUUID());

            HttpResponse<String> refused = post("/api/v1/observations", "application/json", bytes(body));

            assertThat(refused.statusCode()).isEqualTo(413);
            assertThat(refused.headers().firstValue("Retry-After")).isEmpty();
            assertListedAndFound(
                    json.readTree(refused.body()).get("rejectionId").asString(), "bytes long");
        }

        @Test
        void bytesThatAreNotUtf8AreRefusedRatherThanReplaced() throws Exception {
            byte[] body = bytes(observation("EDGE-\u00e9-" + UUID.randomUUID(), "2.5", "edge-" + UUID.randomUUID()));
            int e = indexOf(body, (byte) 0xC3);
            body[e + 1] = '(';

            HttpResponse<String> refused = post("/api/v1/observations", "application/json", body);

            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.body()).contains("not valid UTF-8 at byte " + (e + 1));
        }

        @Test
        void theSameSourceMessageIdWithANewValueIsStoredAsAMessageOfItsOwn() throws Exception {
            String patient = "EDGE-" + UUID.randomUUID();
            String messageId = "edge-" + UUID.randomUUID();

            HttpResponse<String> first =
                    post("/api/v1/observations", "application/json", bytes(observation(patient, "2.5", messageId)));
            HttpResponse<String> second =
                    post("/api/v1/observations", "application/json", bytes(observation(patient, "0.1", messageId)));

            assertThat(first.statusCode()).isEqualTo(202);
            assertThat(second.statusCode()).isEqualTo(202);
            JsonNode answer = json.readTree(second.body());
            assertThat(answer.get("resend").asBoolean()).isFalse();
            assertThat(answer.get("controlIdReused").asBoolean()).isTrue();
            assertThat(labValuesOf(patient, 2)).containsExactlyInAnyOrder("2.5", "0.1");
        }
    }

    @Nested
    class Hl7 {

        @Test
        void aMillionDigitValueIsRefusedAe() throws Exception {
            String message = oru("EDGE-HL7-" + UUID.randomUUID(), "EDGE-" + UUID.randomUUID(), "7".repeat(1_048_000));

            String ack = sendMllp(message);

            assertThat(ack).contains("MSA|AE|").contains("is a number of 1048000 characters");
        }

        @Test
        void aMessageWithoutObrAndObxIsRefusedAe() throws Exception {
            String controlId = "EDGE-HL7-" + UUID.randomUUID();

            String ack = sendMllp(msh(controlId) + "PID|1||EDGE-1^^^ST-ELSEWHERE^MR\r");

            assertThat(ack).contains("MSA|AE|" + controlId + "|").contains("no OBR segment");
        }

        @Test
        void aMessageOfExactlyOneMebibyteIsAnsweredAeNotToldToRetry() throws Exception {
            String controlId = "EDGE-HL7-" + UUID.randomUUID();
            String head = msh(controlId) + "PID|1||EDGE-1^^^ST-ELSEWHERE^MR\rNTE|1||";
            String message = head + "x".repeat(ONE_MIB - head.length() - 1) + "\r";
            assertThat(message.getBytes(StandardCharsets.UTF_8)).hasSize(ONE_MIB);

            String ack = sendMllp(message);

            assertThat(ack).contains("MSA|AE|" + controlId + "|").doesNotContain("MSA|AR");
        }

        @Test
        void theSameControlIdWithANewValueIsStoredAndNotAnsweredAlreadyStored() throws Exception {
            String patient = "EDGE-" + UUID.randomUUID();
            String controlId = "EDGE-HL7-" + UUID.randomUUID();

            String first = sendMllp(oru(controlId, patient, "2.5"));
            String second = sendMllp(oru(controlId, patient, "0.1"));

            assertThat(first).contains("MSA|AA|" + controlId + "|stored: 1 event(s)");
            assertThat(second)
                    .contains("MSA|AA|" + controlId + "|stored: 1 event(s); control id reused with different content");
            assertThat(labValuesOf(patient, 2)).containsExactlyInAnyOrder("2.5", "0.1");
        }
    }

    @Nested
    class Fhir {

        @Test
        void theSameIdentifierWithANewValueIsCreatedAgainNotAnsweredAsAResend() throws Exception {
            String patient = "EDGE-" + UUID.randomUUID();
            String identifier = "edge-" + UUID.randomUUID();

            HttpResponse<String> first =
                    post("/fhir/Observation", "application/fhir+json", bytes(fhirAnc(patient, identifier, "2.5")));
            HttpResponse<String> second =
                    post("/fhir/Observation", "application/fhir+json", bytes(fhirAnc(patient, identifier, "0.1")));

            assertThat(first.statusCode()).isEqualTo(201);
            assertThat(second.statusCode()).isEqualTo(201);
            assertThat(second.body()).contains("Control id reused with different content");
            assertThat(labValuesOf(patient, 2)).containsExactlyInAnyOrder("2.5", "0.1");
        }

        @Test
        void aBatchEntryWithANullResourceIsRefusedOnItsOwnAndListed() throws Exception {
            String bundle = """
                    {"resourceType":"Bundle","type":"batch","entry":[{"resource":null,
                     "request":{"method":"POST","url":"Observation"}}]}""";

            HttpResponse<String> answer = post("/fhir", "application/fhir+json", bytes(bundle));

            assertThat(answer.statusCode()).isLessThan(500);
            JsonNode outcome = json.readTree(answer.body());
            String rejectionId = answer.statusCode() == 200
                    ? rejectionIdIn(outcome.get("entry").get(0).get("response").get("outcome"))
                    : rejectionIdIn(outcome);
            assertListedAndFound(rejectionId, "");
        }

        @Test
        void invalidUtf8IsRefusedWithAnOperationOutcome() throws Exception {
            byte[] body = bytes(fhirAnc("EDGE-\u00e9", "edge-" + UUID.randomUUID(), "2.5"));
            body[indexOf(body, (byte) 0xC3)] = (byte) 0xFF;

            HttpResponse<String> refused = post("/fhir/Observation", "application/fhir+json", body);

            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.body()).contains("OperationOutcome").contains("not valid UTF-8");
        }

        private String rejectionIdIn(JsonNode outcome) {
            for (JsonNode issue : outcome.get("issue")) {
                for (JsonNode coding : issue.path("details").path("coding")) {
                    if ("urn:toxwatch:rejection-id".equals(coding.path("system").asString(""))) {
                        return coding.get("code").asString();
                    }
                }
            }
            throw new AssertionError("no rejection id in " + outcome);
        }
    }

    /** What operators scrape: every request timed, without an observation of each security filter on top. */
    @Nested
    class Metrics {

        @Test
        void requestsAreTimedButSpringSecurityDoesNotObserveEachFilterOfEveryRequest() throws Exception {
            assertThat(post(
                                    "/api/v1/patients",
                                    "application/json",
                                    bytes(MinimumNecessary.jsonPatient("EDGE-M-" + UUID.randomUUID(), "2019-02-17")))
                            .statusCode())
                    .isEqualTo(202);

            String scrape = call("GET", "/actuator/prometheus", null, "operator", OPERATOR_PASSWORD)
                    .body();

            assertThat(scrape).contains("http_server_requests_seconds_count{");
            assertThat(scrape).doesNotContain("spring_security_");
        }
    }

    /**
     * Names, birth dates and identifiers are for clinicians' screens: whatever a sender sends, right or wrong,
     * through HL7, FHIR or JSON, none of them reaches a log line (any logger, any thread) or a metric.
     */
    @Nested
    class MinimumNecessary {

        private static final String FAMILY = "Quillfeather";
        private static final String GIVEN = "Zephyrine";
        private static final String MRN = "PHI-MRN-7731";

        @Test
        void noNameBirthDateOrIdentifierIsLoggedOrTaggedWhateverTheProtocolOrOutcome() throws Exception {
            List<String> logged;
            try (var logs = CapturedLogs.ofEveryLogger()) {
                org.slf4j.LoggerFactory.getLogger(EdgeHygieneIT.class).warn("capture check");
                sendAllTheWaysAPatientCanArrive();
                logged = logs.lines();
            }
            String scrape = call("GET", "/actuator/prometheus", null, "operator", OPERATOR_PASSWORD)
                    .body();

            assertThat(logged).anyMatch(line -> line.endsWith("capture check"));
            for (String secret : List.of(FAMILY, GIVEN, MRN, "20190217", "2019-02-17", "20191340", "2019-02-30")) {
                assertThat(logged).as(secret).noneMatch(line -> line.contains(secret));
                assertThat(scrape).as(secret).doesNotContain(secret);
            }
        }

        @Test
        void aJsonPatientIsOnThePatientsTopic() throws Exception {
            String patient = "EDGE-P-" + UUID.randomUUID();

            HttpResponse<String> accepted =
                    post("/api/v1/patients", "application/json", bytes(jsonPatient(patient, "2019-02-17")));

            assertThat(accepted.statusCode()).isEqualTo(202);
            JsonNode recorded = firstOn(
                    Topics.PATIENTS,
                    record -> patient.equals(record.path("patientId").asString("")));
            assertThat(recorded.get("birthDate").asString()).isEqualTo("2019-02-17");
            assertThat(recorded.get("location").get("bed").asString()).isEqualTo("7");
            assertThat(recorded.get("sex").asString()).isEqualTo("FEMALE");
        }

        @Test
        void aJsonPatientWithAnImpossibleBirthDateIsA400NamingTheField() throws Exception {
            HttpResponse<String> refused = post(
                    "/api/v1/patients",
                    "application/json",
                    bytes(jsonPatient("EDGE-P-" + UUID.randomUUID(), "2019-02-30")));

            assertThat(refused.statusCode()).isEqualTo(400);
            JsonNode error = json.readTree(refused.body()).get("errors").get(0);
            assertThat(error.get("field").asString()).isEqualTo("birthDate");
            assertThat(error.get("message").asString()).doesNotContain("2019-02-30");
        }

        private void sendAllTheWaysAPatientCanArrive() throws Exception {
            String pid = "PID|1||" + MRN + "^^^CHILDRENS^MR||" + FAMILY + "^" + GIVEN + "||20190217|F\r";
            String pv1 = "PV1|1|I|ONC-PED^4^B\r";
            String oru = msh("EDGE-PHI-" + UUID.randomUUID())
                    + pid
                    + pv1
                    + "OBR|1||FIL-1|58410-2^CBC^LN|||202611200745+0100\r"
                    + "OBX|1|NM|751-8^Neutrophils^LN||0.4|10*9/L^^UCUM|1.8-7.7|L|||F|||202611200745+0100\r";
            assertThat(sendMllp(oru)).contains("MSA|AA|");
            assertThat(sendMllp(adt("A01", pid, pv1))).contains("MSA|AA|");
            assertThat(sendMllp(adt("A08", pid.replace("20190217", "20191340"), pv1)))
                    .contains("MSA|AE|")
                    .contains("PID^1^7");
            assertThat(sendMllp(adt("A08", pid.replace("|F\r", "|Q\r"), pv1))).contains("MSA|AE|");
            assertThat(sendMllp(adt("A05", pid, pv1))).contains("MSA|AR|");
            assertThat(sendMllp(adt("A02", pid.replace(GIVEN, "Zephy\u0001rine"), pv1)))
                    .contains("MSA|AE|")
                    .contains("PID^1^5");

            assertThat(post("/api/v1/patients", "application/json", bytes(jsonPatient(MRN, "2019-02-17")))
                            .statusCode())
                    .isEqualTo(202);
            for (String bad : List.of(
                    jsonPatient(MRN, "2019-02-30"),
                    jsonPatient(MRN, "2019-02-17").replace("\"" + FAMILY + "\"", "{\"name\":\"" + FAMILY + "\"}"),
                    jsonPatient(MRN, "2019-02-17")
                            .replace("\"identifiers\":[", "\"identifiers\":\"" + MRN + "\",\"x\":["),
                    "{\"familyName\":\"" + FAMILY + "\",\"birthDate\":")) {
                assertThat(post("/api/v1/patients", "application/json", bytes(bad))
                                .statusCode())
                        .isEqualTo(400);
            }

            assertThat(post("/fhir", "application/fhir+json", bytes(fhirTransaction("2019-02-17")))
                            .statusCode())
                    .isEqualTo(200);
            assertThat(post("/fhir", "application/fhir+json", bytes(fhirTransaction("2019-02-30")))
                            .statusCode())
                    .isEqualTo(400);
        }

        private static String adt(String trigger, String pid, String pv1) {
            return "MSH|^~\\&|EDGE-ADT|EDGE-HOSP|TOXWATCH|TOXWATCH|20261120080000||ADT^" + trigger + "|EDGE-ADT-"
                    + UUID.randomUUID() + "|P|2.5.1\r"
                    + "EVN|" + trigger + "|20261120080000\r"
                    + pid
                    + pv1;
        }

        private static String jsonPatient(String patient, String birthDate) {
            return """
                    {"patientId":"%s","encounterEvent":"ADMITTED",
                     "identifiers":[{"value":"%s","assigningAuthority":"CHILDRENS","type":"MR"}],
                     "familyName":"%s","givenName":"%s","birthDate":"%s","sex":"female",
                     "location":{"ward":"ONC-PED","room":"3","bed":"7"},"sourceMessageId":"edge-p-%s"}""".formatted(patient, patient, FAMILY, GIVEN, birthDate, UUID.randomUUID());
        }

        private static String fhirTransaction(String birthDate) {
            return """
                    {"resourceType":"Bundle","type":"transaction","entry":[
                     {"fullUrl":"urn:uuid:7f1c0d2e-0000-4000-8000-000000000001",
                      "resource":{"resourceType":"Patient",
                       "identifier":[{"system":"urn:childrens","value":"%s"}],
                       "name":[{"family":"%s","given":["%s"]}],"birthDate":"%s","gender":"female"},
                      "request":{"method":"POST","url":"Patient"}},
                     {"fullUrl":"urn:uuid:7f1c0d2e-0000-4000-8000-000000000002",
                      "resource":{"resourceType":"Observation",
                       "identifier":[{"system":"urn:edge","value":"edge-phi-%s"}],"status":"final",
                       "code":{"coding":[{"system":"http://loinc.org","code":"751-8"}]},
                       "subject":{"reference":"urn:uuid:7f1c0d2e-0000-4000-8000-000000000001"},
                       "effectiveDateTime":"2026-11-20T07:45:00+01:00",
                       "valueQuantity":{"value":0.4,"system":"http://unitsofmeasure.org","code":"10*9/L"}},
                      "request":{"method":"POST","url":"Observation"}}]}""".formatted(MRN, FAMILY, GIVEN, birthDate, UUID.randomUUID());
        }
    }

    /** The first record on a topic (read from the beginning) that matches. */
    private JsonNode firstOn(String topic, Predicate<JsonNode> wanted) {
        try (var consumer = new KafkaConsumer<String, String>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                IntegrationInfrastructure.shared().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG,
                "edge-it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class))) {
            consumer.subscribe(List.of(topic));
            var found = new ArrayList<JsonNode>();
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    JsonNode value = json.readTree(record.value());
                    if (wanted.test(value)) {
                        found.add(value);
                    }
                });
                return !found.isEmpty();
            });
            return found.getFirst();
        }
    }

    private void assertListedAndFound(String rejectionId, String reason) throws Exception {
        HttpResponse<String> found = call("GET", "/api/v1/rejects/" + rejectionId, null, "operator", OPERATOR_PASSWORD);
        assertThat(found.statusCode())
                .as("the rejection id the sender was given")
                .isEqualTo(200);
        assertThat(json.readTree(found.body()).get("reasons").toString()).contains(reason);
        String archiveId = json.readTree(found.body()).get("id").asString();
        JsonNode list = json.readTree(call("GET", "/api/v1/rejects?limit=500", null, "operator", OPERATOR_PASSWORD)
                .body());
        List<String> listed = new ArrayList<>();
        list.forEach(reject -> listed.add(reject.get("id").asString()));
        assertThat(listed).contains(archiveId);
    }

    private static String observation(String patient, String value, String messageId) {
        return """
                {"patientId":"%s","loinc":"751-8","value":%s,"unit":"10*9/L",
                 "effectiveTime":"2026-11-20T08:00:00Z","sourceMessageId":"%s"}""".formatted(patient, value, messageId);
    }

    private static String fhirAnc(String patient, String identifier, String value) {
        return """
                {"resourceType":"Observation","identifier":[{"system":"urn:edge","value":"%s"}],"status":"final",
                 "code":{"coding":[{"system":"http://loinc.org","code":"751-8"}]},
                 "subject":{"reference":"Patient/%s"},"effectiveDateTime":"2026-11-20T07:45:00+01:00",
                 "valueQuantity":{"value":%s,"system":"http://unitsofmeasure.org","code":"10*9/L"}}""".formatted(identifier, patient, value);
    }

    private static String msh(String controlId) {
        return "MSH|^~\\&|EDGE-LIS|EDGE-LAB|TOXWATCH|TOXWATCH|20261120080000||ORU^R01^ORU_R01|" + controlId
                + "|P|2.5.1\r";
    }

    private static String oru(String controlId, String patient, String ancValue) {
        return msh(controlId)
                + "PID|1||" + patient + "^^^ST-ELSEWHERE^MR\r"
                + "OBR|1||FIL-1|58410-2^CBC^LN|||202611200745+0100\r"
                + "OBX|1|NM|751-8^Neutrophils^LN||" + ancValue + "|10*9/L^^UCUM|1.8-7.7|L|||F|||202611200745+0100\r";
    }

    /** The lab-results values of one patient once {@code count} have arrived, as plain decimal text. */
    private List<String> labValuesOf(String patient, int count) {
        Predicate<JsonNode> ofPatient =
                record -> patient.equals(record.path("patientId").asString(""));
        try (var consumer = new KafkaConsumer<String, String>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                IntegrationInfrastructure.shared().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG,
                "edge-it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class))) {
            consumer.subscribe(List.of(Topics.LAB_RESULTS));
            var values = new ArrayList<String>();
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    JsonNode lab = json.readTree(record.value());
                    if (ofPatient.test(lab)) {
                        values.add(lab.get("value")
                                .decimalValue()
                                .stripTrailingZeros()
                                .toPlainString());
                    }
                });
                return values.size() >= count;
            });
            return values;
        }
    }

    private String sendMllp(String message) throws Exception {
        try (var socket = new Socket("localhost", mllp.port())) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            out.write(0x0B);
            out.write(message.getBytes(StandardCharsets.UTF_8));
            out.write(0x1C);
            out.write(0x0D);
            out.flush();
            InputStream in = socket.getInputStream();
            var ack = new ByteArrayOutputStream();
            int b;
            while ((b = in.read()) != 0x1C && b >= 0) {
                if (b != 0x0B) {
                    ack.write(b);
                }
            }
            return ack.toString(StandardCharsets.UTF_8);
        }
    }

    private HttpResponse<String> post(String path, String contentType, byte[] body) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", contentType)
                .header("Authorization", basic("integration", INTEGRATION_PASSWORD))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        try (var client = HttpClient.newHttpClient()) {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        }
    }

    private HttpResponse<String> call(String method, String path, String body, String user, String password)
            throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .header("Authorization", basic(user, password))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        try (var client = HttpClient.newHttpClient()) {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        }
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static int indexOf(byte[] bytes, byte wanted) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        throw new IllegalArgumentException("not found");
    }
}
