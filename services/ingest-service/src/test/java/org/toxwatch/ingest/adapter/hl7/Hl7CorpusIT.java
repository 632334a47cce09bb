package org.toxwatch.ingest.adapter.hl7;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.bson.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.toxwatch.model.Topics;
import org.toxwatch.testinfrastructure.IntegrationInfrastructure;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The realistic ORU^R01 corpus ({@code src/test/resources/hl7-corpus}): full panels in the styles of several
 * laboratory systems and a bedside monitor, v2.3 to v2.8, sent over real MLLP to the running application on a
 * real broker and MongoDB-wire store. Every message gets AA naming what was stored and what was skipped as not
 * monitored, and the events read back from Kafka carry the UCUM unit, the sender's unit, the comparator, the
 * flags, the specimen condition and the time precision the laboratory reported.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class Hl7CorpusIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** File, then the AA text it must get, in the order the messages are sent. */
    private static final Map<String, String> CORPUS = new LinkedHashMap<>();

    static {
        // Each message's results, and what its PID says of the patient (one PatientRecorded).
        CORPUS.put(
                "beaker-style-cbc-with-differential-v251.hl7",
                "MSA|AA|BKR-20261120-0001|stored: 7 event(s), skipped 14 not monitored");
        CORPUS.put(
                "millennium-style-metabolic-panel-local-codes-v23.hl7",
                "MSA|AA|CRN000000451|stored: 9 event(s), skipped 6 not monitored");
        CORPUS.put(
                "sunquest-style-hepatic-panel-hemolyzed-day-only-v26.hl7",
                "MSA|AA|SQ-88213|stored: 8 event(s), skipped 1 not monitored");
        CORPUS.put(
                "monitor-style-vital-signs-fahrenheit-v28.hl7",
                "MSA|AA|VS-2026112022|stored: 9 event(s), skipped 2 not monitored");
        CORPUS.put(
                "meditech-style-censored-values-v251.hl7",
                "MSA|AA|MT-4471|stored: 6 event(s), skipped 1 not monitored");
        CORPUS.put(
                "labcorp-style-preliminary-cbc-v251.hl7",
                "MSA|AA|LC-20261120-P1|stored: 3 event(s), skipped 1 not monitored");
        CORPUS.put("labcorp-style-corrected-anc-v251.hl7", "MSA|AA|LC-20261120-C1|stored: 2 event(s)");
    }

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        IntegrationInfrastructure.shared().registerProperties(registry, "hl7-corpus-it");
        registry.add("toxwatch.ingest.mllp.port", () -> "0");
        registry.add("toxwatch.ingest.mllp.hospital-time-zone", () -> "Europe/Paris");
        registry.add("toxwatch.security.credentials-file", () -> "target/hl7-corpus-it-credentials");
    }

    @Autowired
    MllpServer mllp;

    @Autowired
    MongoTemplate mongo;

    private final Map<String, String> answers = new LinkedHashMap<>();
    private List<JsonNode> labs;
    private List<JsonNode> vitals;

    @BeforeAll
    void sendTheCorpusOverOneConnection() throws IOException {
        try (var socket = new Socket("localhost", mllp.port())) {
            socket.setSoTimeout(30_000);
            for (String file : CORPUS.keySet()) {
                answers.put(file, exchange(socket, corpusMessage(file)));
            }
        }
        labs = readUntil(Topics.LAB_RESULTS, json -> json.contains("\"LC-20261120-C1\""));
        vitals = readUntil(Topics.VITAL_SIGNS, json -> json.contains("\"VS-2026112022\""));
    }

    @Test
    void everyMessageIsAcceptedWithItsStoredAndSkippedCounts() {
        CORPUS.forEach((file, expected) ->
                assertThat(msaOf(answers.get(file))).as(file).isEqualTo(expected));
    }

    @Test
    void aFullCbcWithDifferentialStoresTheGradedCountsInUcumAndKeepsTheVendorUnit() {
        var cbc = from("BKR-20261120-0001");

        assertThat(cbc)
                .extracting(lab -> lab.get("loinc").asString())
                .containsExactlyInAnyOrder("6690-2", "718-7", "777-3", "770-8", "751-8", "731-0");
        JsonNode anc = only(cbc, "751-8");
        assertThat(anc.get("patientId").asString()).isEqualTo("E1000001");
        assertThat(decimal(anc, "value")).isEqualByComparingTo("0.30");
        assertThat(anc.get("ucumUnit").asString()).isEqualTo("10*9/L");
        assertThat(anc.get("reportedUnit").asString()).isEqualTo("K/uL");
        assertThat(texts(anc.get("abnormalFlags"))).containsExactly("LL", "A");
        assertThat(decimal(anc.get("referenceRange"), "low")).isEqualByComparingTo("1.80");
        assertThat(anc.get("observedAt").asString()).isEqualTo("2026-11-20T11:45:00Z");
        assertThat(anc.get("observedAtPrecision").asString()).isEqualTo("MINUTE");
        JsonNode hemoglobin = only(cbc, "718-7");
        assertThat(hemoglobin.get("ucumUnit").asString()).isEqualTo("g/dL");
        assertThat(hemoglobin.path("reportedUnit").isNull()
                        || hemoglobin.path("reportedUnit").isMissingNode())
                .as("sent as stored")
                .isTrue();
    }

    @Test
    void whatWasSkippedIsArchivedAsNotMonitoredWithTheMessage() {
        Document archived = mongo.findOne(
                Query.query(Criteria.where("messageId").is("BKR-20261120-0001")), Document.class, "inbound_messages");

        assertThat(archived).isNotNull();
        assertThat(archived.getString("status")).isEqualTo("ACCEPTED");
        assertThat(archived.getList("notMonitored", String.class))
                .hasSize(14)
                .contains("789-8", "787-2", "4544-3", "704-7");
    }

    @Test
    void aVersion23MetabolicPanelWithLocalCodesAndLoincAlternatesStoresWhatIsGraded() {
        var cmp = from("CRN000000451");

        assertThat(cmp)
                .extracting(lab -> lab.get("loinc").asString())
                .containsExactlyInAnyOrder(
                        "2823-3", "2160-0", "17861-6", "1751-7", "1975-2", "6768-6", "1920-8", "1742-6");
        JsonNode potassium = only(cmp, "2823-3");
        assertThat(decimal(potassium, "value")).isEqualByComparingTo("6.4");
        assertThat(potassium.get("ucumUnit").asString()).isEqualTo("mmol/L");
        assertThat(potassium.get("reportedUnit").asString()).isEqualTo("mEq/L");
        assertThat(texts(potassium.get("specimenConditions"))).containsExactly("HEMOLYZED");
        assertThat(potassium.get("observedAt").asString())
                .as("OBR-7 without offset, in the hospital's zone")
                .isEqualTo("2026-11-20T06:00:00Z");
        assertThat(texts(only(cmp, "2160-0").get("specimenConditions")))
                .as("the comment was under the potassium only")
                .isEmpty();
        JsonNode alkalinePhosphatase = only(cmp, "6768-6");
        assertThat(alkalinePhosphatase.get("ucumUnit").asString()).isEqualTo("U/L");
        assertThat(alkalinePhosphatase.get("reportedUnit").asString()).isEqualTo("IU/L");
        assertThat(decimal(only(cmp, "17861-6").get("referenceRange"), "high"))
                .as("'8.5 to 10.5'")
                .isEqualByComparingTo("10.5");
    }

    @Test
    void aHemolyzedHepaticPanelTimedToTheDayCarriesBothOnEveryResult() {
        var hepatic = from("SQ-88213");

        assertThat(hepatic).hasSize(7).allSatisfy(lab -> {
            assertThat(lab.get("observedAt").asString()).isEqualTo("2026-11-19T00:00:00Z");
            assertThat(lab.get("observedAtPrecision").asString()).isEqualTo("DAY");
            assertThat(texts(lab.get("specimenConditions"))).containsExactly("HEMOLYZED");
        });
        assertThat(decimal(only(hepatic, "2324-2").get("referenceRange"), "high"))
                .as("'<55 U/L'")
                .isEqualByComparingTo("55");
    }

    @Test
    void vitalSignsInFahrenheitFromAVersion28MonitorAreStoredInCelsius() {
        var signs = vitals.stream()
                .filter(v -> v.get("sourceMessageId").asString().equals("VS-2026112022"))
                .toList();

        assertThat(signs).hasSize(8);
        var temperature = signs.stream()
                .filter(v -> !v.path("temperatureCelsius").isMissingNode()
                        && !v.path("temperatureCelsius").isNull())
                .findFirst()
                .orElseThrow();
        assertThat(decimal(temperature, "temperatureCelsius").doubleValue()).isCloseTo(38.78, within(0.01));
    }

    @Test
    void censoredValuesKeepTheirComparatorAndTheirBoundInTheCanonicalUnit() {
        var censored = from("MT-4471");

        JsonNode anc = only(censored, "751-8");
        assertThat(anc.get("comparator").asString()).isEqualTo("LESS_THAN");
        assertThat(decimal(anc, "value")).isEqualByComparingTo("0.1");
        assertThat(anc.get("ucumUnit").asString()).isEqualTo("10*9/L");
        assertThat(anc.get("reportedUnit").asString()).isEqualTo("{cells}/uL");
        assertThat(decimal(anc.get("referenceRange"), "low")).isEqualByComparingTo("1.8");
        JsonNode platelets = only(censored, "777-3");
        assertThat(platelets.get("comparator").asString()).isEqualTo("LESS_THAN");
        assertThat(decimal(platelets, "value")).isEqualByComparingTo("5");
        assertThat(platelets.get("reportedUnit").asString()).isEqualTo("x10E3/uL");
        assertThat(only(censored, "26881-3").get("comparator").asString()).isEqualTo("GREATER_THAN");
        assertThat(only(censored, "1988-5").get("comparator").asString()).isEqualTo("GREATER_THAN");
        assertThat(only(censored, "2276-4").get("comparator").asString()).isEqualTo("GREATER_OR_EQUAL");
    }

    @Test
    void aPreliminaryResultAndItsCorrectionShareTheSendersResultId() {
        JsonNode preliminary = only(from("LC-20261120-P1"), "751-8");
        JsonNode corrected = only(from("LC-20261120-C1"), "751-8");

        assertThat(preliminary.get("status").asString()).isEqualTo("PRELIMINARY");
        assertThat(decimal(preliminary, "value")).isEqualByComparingTo("0.9");
        assertThat(corrected.get("status").asString()).isEqualTo("CORRECTED");
        assertThat(decimal(corrected, "value")).isEqualByComparingTo("0.4");
        assertThat(corrected.get("sourceObservationId").asString())
                .isEqualTo(preliminary.get("sourceObservationId").asString())
                .isEqualTo("LC-A-9/751-8/");
    }

    private List<JsonNode> from(String controlId) {
        return labs.stream()
                .filter(lab -> lab.get("sourceMessageId").asString().equals(controlId))
                .toList();
    }

    private static JsonNode only(List<JsonNode> labs, String loinc) {
        var matching = labs.stream()
                .filter(lab -> lab.get("loinc").asString().equals(loinc))
                .toList();
        assertThat(matching).as(loinc).hasSize(1);
        return matching.getFirst();
    }

    private static BigDecimal decimal(JsonNode node, String field) {
        return new BigDecimal(node.get(field).asString());
    }

    private static List<String> texts(JsonNode array) {
        var texts = new ArrayList<String>();
        if (array != null) {
            array.forEach(element -> texts.add(element.asString()));
        }
        return texts;
    }

    private static List<JsonNode> readUntil(String topic, Predicate<String> until) {
        try (var reader = new TopicReader(IntegrationInfrastructure.shared().bootstrapServers(), topic)) {
            return reader.readUntil(until).stream().map(JSON::readTree).toList();
        }
    }

    /** The corpus file with its segments ended by CR, as on the wire. */
    private static String corpusMessage(String file) {
        try (InputStream in = Hl7CorpusIT.class.getResourceAsStream("/hl7-corpus/" + file)) {
            if (in == null) {
                throw new IllegalArgumentException("no corpus file " + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("\r\n", "\r")
                    .replace('\n', '\r');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One framed message out, its framed ACK back, on an open connection. */
    private static String exchange(Socket socket, String message) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(MllpIngestIT.frame(message));
        out.flush();
        InputStream in = socket.getInputStream();
        var ack = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != MllpFrameReader.END_BLOCK) {
            if (b < 0) {
                throw new IOException("connection closed before the ACK ended");
            }
            if (b != MllpFrameReader.START_BLOCK && !(ack.size() == 0 && b == MllpFrameReader.CARRIAGE_RETURN)) {
                ack.write(b);
            }
        }
        return ack.toString(StandardCharsets.UTF_8);
    }

    private static String msaOf(String ack) {
        for (String segment : ack.split("\r")) {
            if (segment.startsWith("MSA|")) {
                return segment;
            }
        }
        return "";
    }
}
