package org.toxwatch.ingest.adapter.hl7;

import static org.assertj.core.api.Assertions.assertThat;
import static org.toxwatch.ingest.adapter.hl7.Hl7Fixtures.message;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.app.Connection;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.parser.CanonicalModelClassFactory;
import ca.uhn.hl7v2.util.Terser;
import ca.uhn.hl7v2.validation.impl.ValidationContextFactory;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.toxwatch.model.Topics;
import org.toxwatch.testinfrastructure.IntegrationInfrastructure;

/**
 * The MLLP listener of the running ingest application, on a real Kafka broker and MongoDB-wire store, with
 * HAPI's own MLLP client as the sender (as an interface engine would be) and raw sockets for what a client
 * library would never send.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MllpIngestIT {

    private static final int MAX_MESSAGE_BYTES = 8192;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        IntegrationInfrastructure.shared().registerProperties(registry, "mllp-it");
        registry.add("toxwatch.ingest.mllp.port", () -> "0");
        registry.add("toxwatch.ingest.mllp.max-message-bytes", () -> String.valueOf(MAX_MESSAGE_BYTES));
        registry.add("toxwatch.ingest.mllp.hospital-time-zone", () -> "Europe/Paris");
        registry.add("toxwatch.security.credentials-file", () -> "target/mllp-it-credentials");
    }

    @Autowired
    MllpServer mllp;

    private static HapiContext hapi;
    private Connection connection;

    @BeforeAll
    static void client() {
        hapi = new DefaultHapiContext();
        hapi.setValidationContext(ValidationContextFactory.noValidation());
        hapi.setModelClassFactory(new CanonicalModelClassFactory("2.5.1"));
    }

    @AfterAll
    static void closeClient() throws Exception {
        hapi.close();
    }

    @Test
    void anOruR01FromAStandardClientIsAcknowledgedAaAndItsResultsAreOnTheTopicOnceEvenWhenResent() throws Exception {
        String oru = unique(message("oru-r01-v251-cbc-and-liver.hl7"), "IT-A");
        try (var labResults = new TopicReader(bootstrapServers(), Topics.LAB_RESULTS)) {
            Message first = send(oru);
            Message resent = send(oru);
            // A later message for the same patient (same partition): once it is read, a duplicate would have been.
            send(unique(message("oru-r01-corrected-and-cancelled.hl7"), "IT-A-MARK")
                    .replace("IT-A-MARK-0012345", "IT-A-0012345"));

            assertThat(new Terser(first).get("/MSA-1")).isEqualTo("AA");
            assertThat(new Terser(first).get("/MSA-2")).isEqualTo("IT-A-000123");
            assertThat(new Terser(resent).get("/MSA-1")).isEqualTo("AA");
            assertThat(new Terser(resent).get("/MSA-3")).startsWith("already stored");
            List<String> records = labResults.readUntil(value -> value.contains("\"IT-A-MARK-000124\""));
            assertThat(records.stream().filter(value -> value.contains("\"IT-A-000123\"")))
                    .as("five results, published once although the message came twice")
                    .hasSize(5)
                    .anySatisfy(value -> assertThat(value)
                            .contains("\"loinc\":\"751-8\"")
                            .contains("\"ucumUnit\":\"10*9/L\"")
                            .contains("\"observedAt\":\"2026-11-20T06:45:00Z\""));
        }
    }

    @Test
    void contentErrorsGetAeWithErrSegmentsAndOneDeadLetterRecord() throws Exception {
        String bad = unique(message("oru-r01-content-errors.hl7"), "IT-B");
        try (var deadLetters = new TopicReader(bootstrapServers(), Topics.LAB_RESULTS_DLT)) {
            Message ack = send(bad);

            assertThat(new Terser(ack).get("/MSA-1")).isEqualTo("AE");
            var terser = new Terser(ack);
            assertThat(terser.get("/ERR(0)-2-1")).isEqualTo("OBX");
            assertThat(terser.get("/ERR(0)-3-1")).isEqualTo("103");
            List<String> records = deadLetters.readUntil(value -> value.contains("\"IT-B-BAD-1\""));
            assertThat(records.stream().filter(value -> value.contains("\"IT-B-BAD-1\"")))
                    .hasSize(1)
                    .allSatisfy(value -> assertThat(value).contains("'mg' is not a unit of"));
        }
    }

    @Test
    void anUnsupportedVersionGetsAr() throws Exception {
        String v29 = unique(message("oru-r01-v251-cbc-and-liver.hl7"), "IT-C").replace("|P|2.5.1|", "|P|2.9|");

        String ack = sendRaw(frame(v29));

        assertThat(ack).contains("MSA|AR|IT-C-000123|").contains("|203^Unsupported version id^HL70357|");
    }

    @Test
    void severalFramesInOneWriteAreEachAnsweredInOrder() throws Exception {
        String labs = unique(message("oru-r01-v251-cbc-and-liver.hl7"), "IT-F");
        String vitals = unique(message("oru-r01-flowsheet-vitals.hl7"), "IT-F");
        String notSupported = labs.replace("|IT-F-000123|P|2.5.1|", "|IT-F-000125|P|2.9|");
        var oneWrite = new ByteArrayOutputStream();
        oneWrite.writeBytes(frame(labs));
        oneWrite.writeBytes(frame(vitals));
        oneWrite.writeBytes(frame(notSupported));

        List<String> acks = sendRaw(oneWrite.toByteArray(), 3);

        assertThat(acks).hasSize(3);
        // Five results and what PID and PV1 say of the patient.
        assertThat(acks.get(0)).contains("MSA|AA|IT-F-000123|stored: 6 event(s)");
        assertThat(acks.get(1)).contains("MSA|AA|IT-F-441|stored: 5 event(s)");
        assertThat(acks.get(2)).contains("MSA|AR|IT-F-000125|");
    }

    @Test
    void bytesOutsideAFrameAreSkippedAndTheNextFrameIsAnswered() throws Exception {
        String oru = unique(message("oru-r01-flowsheet-vitals.hl7"), "IT-D");
        var bytes = new ByteArrayOutputStream();
        bytes.write("garbage before the start block\r\n".getBytes(StandardCharsets.US_ASCII));
        bytes.write(frame(oru));

        String ack = sendRaw(bytes.toByteArray());

        assertThat(ack).contains("MSA|AA|IT-D-441|");
    }

    @Test
    void anOversizedMessageIsAnsweredAeWithoutBeingParsed() throws Exception {
        String padding = "NTE|1||" + "x".repeat(MAX_MESSAGE_BYTES) + "\r";
        String oversized = unique(message("oru-r01-v251-cbc-and-liver.hl7"), "IT-E") + padding;

        String ack = sendRaw(frame(oversized));

        assertThat(ack).contains("MSA|AE|IT-E-000123|").contains("exceeds the limit of " + MAX_MESSAGE_BYTES);
    }

    @Test
    void anAdmissionThenATransferOverMllpAreTwoPatientRecordsTheSecondWithTheNewBed() throws Exception {
        String pid = "PID|1||IT-P-000004^^^CHILDRENS^MR||EXAMPLE^MIA||20200314|F";
        String admitted = Hl7PatientsTest.adt("A01", "2.5.1", pid, "PV1|1|I|ONC-PED^4^B^CHILDRENS")
                .replace("|ADT-A01|", "|IT-P-A01|");
        String transferred = Hl7PatientsTest.adt("A02", "2.5.1", pid, "PV1|1|I|PICU^2^A^CHILDRENS")
                .replace("|ADT-A02|", "|IT-P-A02|");
        try (var patients = new TopicReader(bootstrapServers(), Topics.PATIENTS)) {
            Message admitAck = send(admitted);
            Message transferAck = send(transferred);

            assertThat(new Terser(admitAck).get("/MSA-1")).isEqualTo("AA");
            assertThat(new Terser(transferAck).get("/MSA-1")).isEqualTo("AA");
            List<String> records = patients.readUntil(value -> value.contains("\"IT-P-A02\"")).stream()
                    .filter(value -> value.contains("\"patientId\":\"IT-P-000004\""))
                    .toList();
            assertThat(records).hasSize(2);
            assertThat(records.get(0))
                    .contains("\"encounterEvent\":\"ADMITTED\"")
                    .contains("\"bed\":\"B\"");
            assertThat(records.get(1))
                    .contains("\"encounterEvent\":\"TRANSFERRED\"")
                    .contains("\"ward\":\"PICU\"")
                    .contains("\"bed\":\"A\"")
                    .contains("\"birthDate\":\"2020-03-14\"");
        }
    }

    private Message send(String text) throws Exception {
        if (connection == null || !connection.isOpen()) {
            connection = hapi.newClient("localhost", mllp.port(), false);
            connection.getInitiator().setTimeout(30, java.util.concurrent.TimeUnit.SECONDS);
        }
        return connection.getInitiator().sendAndReceive(hapi.getPipeParser().parse(text));
    }

    private String sendRaw(byte[] bytes) throws Exception {
        return sendRaw(bytes, 1).getFirst();
    }

    /** Writes the bytes at once, then reads {@code answers} ACK frames from the same connection. */
    private List<String> sendRaw(byte[] bytes, int answers) throws Exception {
        try (var socket = new Socket("localhost", mllp.port())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(bytes);
            out.flush();
            InputStream in = socket.getInputStream();
            var acks = new java.util.ArrayList<String>();
            while (acks.size() < answers) {
                var ack = new ByteArrayOutputStream();
                int b;
                while ((b = in.read()) != MllpFrameReader.END_BLOCK) {
                    if (b < 0) {
                        return acks;
                    }
                    if (b != MllpFrameReader.START_BLOCK
                            && !(ack.size() == 0 && b == MllpFrameReader.CARRIAGE_RETURN)) {
                        ack.write(b);
                    }
                }
                acks.add(ack.toString(StandardCharsets.UTF_8));
            }
            return acks;
        }
    }

    static byte[] frame(String message) {
        var bytes = new ByteArrayOutputStream();
        bytes.write(MllpFrameReader.START_BLOCK);
        bytes.writeBytes(message.getBytes(StandardCharsets.UTF_8));
        bytes.write(MllpFrameReader.END_BLOCK);
        bytes.write(MllpFrameReader.CARRIAGE_RETURN);
        return bytes.toByteArray();
    }

    /** Each test sends its own control ids (and patient), so tests sharing the broker never see each other. */
    static String unique(String message, String prefix) {
        return message.replaceAll("\\|(LIS-|CL|FS-|MAR-)([A-Z0-9-]+)\\|P\\|", "|" + prefix + "-$2|P|")
                .replace("0012345^^^ST-ELSEWHERE^MR", prefix + "-0012345^^^ST-ELSEWHERE^MR");
    }

    private static String bootstrapServers() {
        return IntegrationInfrastructure.shared().bootstrapServers();
    }
}
