package org.toxwatch.ingest.adapter.hl7;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.toxwatch.ingest.adapter.hl7.Hl7Fixtures.message;
import static org.toxwatch.ingest.adapter.hl7.MllpIngestIT.frame;
import static org.toxwatch.ingest.adapter.hl7.MllpIngestIT.unique;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.toxwatch.testinfrastructure.IntegrationInfrastructure;

/**
 * The MLLP listener's limits against a real socket: a peer trickling a frame is dropped at the frame limit
 * although it is never idle, a quiet peer between frames is not, and a field of a million characters is refused
 * before parsing. The frame limit is 2 s here (60 s by default), the idle limit the default 10 min.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MllpLimitsIT {

    private static final Duration FRAME_LIMIT = Duration.ofSeconds(2);

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        IntegrationInfrastructure.shared().registerProperties(registry, "mllp-limits-it");
        registry.add("toxwatch.ingest.mllp.port", () -> "0");
        registry.add("toxwatch.ingest.mllp.frame-timeout", () -> FRAME_LIMIT.toMillis() + "ms");
        registry.add("toxwatch.ingest.mllp.max-message-bytes", () -> "1048576");
        registry.add("toxwatch.security.credentials-file", () -> "target/mllp-limits-it-credentials");
    }

    @Autowired
    MllpServer mllp;

    @Test
    void aPeerTricklingOneByteAtATimeIsDroppedAtTheFrameLimitThoughNeverIdle() throws Exception {
        byte[] message = frame(unique(message("oru-r01-flowsheet-vitals.hl7"), "SLOW"));
        var trickle = Executors.newSingleThreadScheduledExecutor();
        try (var socket = new Socket("localhost", mllp.port())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            int[] next = {0};
            trickle.scheduleAtFixedRate(
                    () -> {
                        try {
                            out.write(message[next[0]++ % message.length]);
                            out.flush();
                        } catch (IOException closedByTheServer) {
                            trickle.shutdown();
                        }
                    },
                    0,
                    200,
                    TimeUnit.MILLISECONDS);
            long started = System.nanoTime();

            int answer = readUntilClosed(socket.getInputStream());

            Duration held = Duration.ofNanos(System.nanoTime() - started);
            assertThat(answer).as("no ACK, the connection is closed").isEqualTo(-1);
            assertThat(held).isBetween(FRAME_LIMIT.minusMillis(200), FRAME_LIMIT.plusSeconds(5));
            assertThat(next[0]).as("bytes sent before the drop").isLessThan(message.length);
        } finally {
            trickle.shutdownNow();
        }
    }

    @Test
    void aPeerQuietBetweenFramesLongerThanTheFrameLimitKeepsItsConnection() throws Exception {
        try (var socket = new Socket("localhost", mllp.port())) {
            socket.setSoTimeout(30_000);
            String first = exchange(socket, frame(unique(message("oru-r01-flowsheet-vitals.hl7"), "QUIET1")));
            long ackedAt = System.nanoTime();
            await().pollDelay(FRAME_LIMIT.plusSeconds(1))
                    .atMost(FRAME_LIMIT.plusSeconds(5))
                    .until(() -> System.nanoTime() - ackedAt
                            > FRAME_LIMIT.plusSeconds(1).toNanos());

            String second = exchange(socket, frame(unique(message("oru-r01-flowsheet-vitals.hl7"), "QUIET2")));

            assertThat(first).contains("MSA|AA|QUIET1-441|");
            assertThat(second).contains("MSA|AA|QUIET2-441|");
        }
    }

    @Test
    void aMillionDigitResultIsRefusedAeBeforeParsingAndQuickly() throws Exception {
        String header = unique(message("oru-r01-flowsheet-vitals.hl7"), "HUGE")
                .lines()
                .filter(segment -> segment.startsWith("MSH") || segment.startsWith("PID") || segment.startsWith("OBR"))
                .reduce("", (message, segment) -> message + segment + "\r");
        String huge = header + "OBX|1|NM|751-8^Neutrophils^LN||" + "9".repeat(1_048_000)
                + "|10*9/L^^UCUM|||||F|||202611210300+0100\r";
        assertThat(huge.getBytes(StandardCharsets.UTF_8).length)
                .as("within the message size limit, so the field limit is what refuses it")
                .isLessThan(1_048_576);

        try (var socket = new Socket("localhost", mllp.port())) {
            socket.setSoTimeout(30_000);
            long started = System.nanoTime();
            String ack = exchange(socket, frame(huge));
            Duration answeredIn = Duration.ofNanos(System.nanoTime() - started);

            assertThat(ack)
                    .contains("MSA|AE|HUGE-441|")
                    .contains("OBX^1^5^")
                    .contains("102^Data type error^HL70357")
                    .contains("is a number of 1048000 characters");
            assertThat(answeredIn).as("answered in %s", answeredIn).isLessThan(Duration.ofSeconds(3));
        }
    }

    @Test
    void anyOtherFieldOverTheFieldLimitIsRefusedAeNamingWhereItIs() throws Exception {
        String message = unique(message("oru-r01-flowsheet-vitals.hl7"), "LONG") + "NTE|1||"
                + "x".repeat(Hl7FieldLengths.FIELD_MAX + 1) + "\r";

        try (var socket = new Socket("localhost", mllp.port())) {
            socket.setSoTimeout(30_000);
            String ack = exchange(socket, frame(message));

            assertThat(ack).contains("MSA|AE|LONG-441|").contains("NTE^1^3^").contains("65537 characters long");
        }
    }

    private static String exchange(Socket socket, byte[] frame) throws IOException {
        socket.getOutputStream().write(frame);
        socket.getOutputStream().flush();
        InputStream in = socket.getInputStream();
        var ack = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != MllpFrameReader.END_BLOCK) {
            if (b < 0) {
                throw new IOException("closed before the ACK");
            }
            if (b != MllpFrameReader.START_BLOCK) {
                ack.write(b);
            }
        }
        return ack.toString(StandardCharsets.UTF_8);
    }

    private static int readUntilClosed(InputStream in) throws IOException {
        try {
            return in.read();
        } catch (SocketException reset) {
            return -1;
        }
    }
}
