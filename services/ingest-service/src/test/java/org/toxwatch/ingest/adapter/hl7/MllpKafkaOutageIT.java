package org.toxwatch.ingest.adapter.hl7;

import static org.assertj.core.api.Assertions.assertThat;
import static org.toxwatch.ingest.adapter.hl7.Hl7Fixtures.message;
import static org.toxwatch.ingest.adapter.hl7.MllpIngestIT.frame;
import static org.toxwatch.ingest.adapter.hl7.MllpIngestIT.unique;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.toxwatch.infrastructure.EmbeddedKafkaBroker;
import org.toxwatch.model.Topics;
import org.toxwatch.testinfrastructure.IntegrationInfrastructure;

/**
 * Kafka stops in the middle of a feed: MLLP senders get AR and HTTP senders 503 with Retry-After, never an
 * acknowledgement for what is not stored; once Kafka is back, the senders' retries are stored exactly once.
 * The broker is this test's own (an in-process KRaft broker it can stop and restart on the same port and
 * data), since stopping the shared one would break every other test.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MllpKafkaOutageIT {

    private static final String PASSWORD = "outage-it-integration";
    private static Path kafkaData;
    private static EmbeddedKafkaBroker broker;
    private static int kafkaPort;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) throws IOException {
        kafkaData = Files.createTempDirectory("toxwatch-outage-it-");
        broker = EmbeddedKafkaBroker.start(kafkaData, 0);
        kafkaPort = Integer.parseInt(broker.bootstrapServers().substring("localhost:".length()));
        IntegrationInfrastructure.shared().registerProperties(registry, "mllp-outage-it");
        registry.add("spring.kafka.bootstrap-servers", broker::bootstrapServers);
        registry.add("toxwatch.ingest.mllp.port", () -> "0");
        registry.add("toxwatch.ingest.kafka-ack-timeout", () -> "4s");
        registry.add("spring.kafka.producer.properties.max.block.ms", () -> "2000");
        registry.add("spring.kafka.producer.properties.request.timeout.ms", () -> "1500");
        registry.add("spring.kafka.producer.properties.delivery.timeout.ms", () -> "3000");
        registry.add("toxwatch.security.credentials-file", () -> "target/outage-it-credentials");
        registry.add("TOXWATCH_BOOTSTRAP_INTEGRATION_PASSWORD", () -> PASSWORD);
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @Autowired
    MllpServer mllp;

    @LocalServerPort
    int httpPort;

    @Test
    void whileKafkaIsDownNothingIsAcknowledgedAndAfterwardsTheRetriesAreStoredOnce() throws Exception {
        // The test's producer timeouts are short, so a cold first send on a busy machine can be answered AR. The
        // outage starts only once a message of another patient has been stored.
        Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> send(unique(message("oru-r01-flowsheet-vitals.hl7"), "OUT-0"))
                        .contains("MSA|AA|"));
        String before = unique(message("oru-r01-flowsheet-vitals.hl7"), "OUT-1");
        String during =
                unique(message("oru-r01-v251-cbc-and-liver.hl7"), "OUT-2").replace("OUT-2-0012345", "OUT-1-0012345");
        assertThat(send(before)).contains("MSA|AA|OUT-1-441|");

        broker.close();
        String refused = send(during);
        HttpResponse<String> refusedHttp = postObservation("OUT-HTTP-1");

        assertThat(refused).contains("MSA|AR|OUT-2-000123|not stored");
        assertThat(refusedHttp.statusCode()).isEqualTo(503);
        assertThat(refusedHttp.headers().firstValue("Retry-After")).isPresent();

        broker = EmbeddedKafkaBroker.start(kafkaData, kafkaPort);
        // The interface engine retries an AR'd message until it gets AA, as real ones do.
        var answer = new AtomicReference<String>();
        Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> {
                    answer.set(send(during));
                    return answer.get().contains("MSA|AA|");
                });
        assertThat(answer.get()).contains("MSA|AA|OUT-2-000123|stored: 6 event(s)");
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> postObservation("OUT-HTTP-1").statusCode() == 202);

        try (var labResults = new TopicReader(broker.bootstrapServers(), Topics.LAB_RESULTS);
                var vitals = new TopicReader(broker.bootstrapServers(), Topics.VITAL_SIGNS)) {
            var records = labResults.readUntil(value -> value.contains("\"OUT-HTTP-1\""));
            assertThat(records.stream().filter(value -> value.contains("\"OUT-2-000123\"")))
                    .as("the refused message, stored once after the retries")
                    .hasSize(5);
            assertThat(records.stream().filter(value -> value.contains("\"OUT-HTTP-1\"")))
                    .hasSize(1);
            assertThat(vitals.readUntil(value -> value.contains("\"OUT-1-441\"")).stream()
                            .filter(value -> value.contains("\"OUT-1-441\"")))
                    .as("what was acknowledged before the outage is still there")
                    .hasSize(5);
        }
    }

    private String send(String message) throws IOException {
        try (var socket = new Socket("localhost", mllp.port())) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(frame(message));
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            var ack = new ByteArrayOutputStream();
            int b;
            while ((b = in.read()) != 0x1C) {
                if (b != 0x0B) {
                    ack.write(b);
                }
            }
            return ack.toString(StandardCharsets.UTF_8);
        }
    }

    private HttpResponse<String> postObservation(String sourceMessageId) throws Exception {
        String body = """
                {"patientId":"OUT-1-0012345","loinc":"751-8","value":0.3,"unit":"10*9/L",
                 "effectiveTime":"2026-11-20T08:00:00Z","sourceMessageId":"%s"}""".formatted(sourceMessageId);
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + httpPort + "/api/v1/observations"))
                .header("Content-Type", "application/json")
                .header(
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString(("integration:" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try (var client = HttpClient.newHttpClient()) {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        }
    }
}
