package org.toxwatch.ingest.benchmark;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.toxwatch.infrastructure.EmbeddedKafkaBroker;
import org.toxwatch.infrastructure.EmbeddedMongoServer;
import org.toxwatch.ingest.IngestApplication;
import org.toxwatch.ingest.adapter.hl7.MllpServer;
import org.toxwatch.model.Topics;

/**
 * A load harness, not a test: the production ingest application on the embedded broker and MongoDB-wire
 * store, driven over MLLP by N connections that each wait for their ACK before sending the next message
 * (a realistic ~1 KB ORU^R01 with 5 results and a unique MSH-10), then over HTTP by N clients posting one JSON
 * observation each. Prints messages/s and ACK latency percentiles.
 *
 * <p>Run: {@code ./mvnw -q -pl services/ingest-service test-compile exec:exec -Dexec.skip=false
 * -Dexec.classpathScope=test -Dexec.args="-cp %classpath org.toxwatch.ingest.benchmark.IngestLoadHarness 4 30"}
 * (connections, seconds per phase).
 */
public final class IngestLoadHarness {

    private static final DateTimeFormatter HL7_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmZ");
    private static final String PASSWORD = "load-harness-" + System.nanoTime();

    public static void main(String[] args) throws Exception {
        int connections = args.length > 0 ? Integer.parseInt(args[0]) : 4;
        Duration phase = Duration.ofSeconds(args.length > 1 ? Long.parseLong(args[1]) : 30);
        Path data = Files.createTempDirectory("toxwatch-ingest-load-");
        try (var broker = EmbeddedKafkaBroker.start(data.resolve("kafka"), 0);
                var mongo = EmbeddedMongoServer.start(data.resolve("mongo"), 0)) {
            broker.createTopics(Topics.ALL, 6);
            ConfigurableApplicationContext app = SpringApplication.run(
                    IngestApplication.class,
                    "--spring.kafka.bootstrap-servers=" + broker.bootstrapServers(),
                    "--spring.mongodb.uri=" + mongo.connectionString() + "/ingest-load",
                    "--server.port=0",
                    "--toxwatch.ingest.mllp.port=0",
                    "--toxwatch.security.credentials-file=" + data.resolve("credentials"),
                    "--TOXWATCH_BOOTSTRAP_INTEGRATION_PASSWORD=" + PASSWORD,
                    "--logging.level.root=WARN");
            try (app) {
                int mllpPort = app.getBean(MllpServer.class).port();
                int httpPort = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
                System.out.printf("warm-up (%d s)%n", 10);
                run("MLLP warm-up", connections, Duration.ofSeconds(10), id -> new MllpSender(mllpPort, id), false);
                run("MLLP ORU^R01 (5 results, ~1 KB)", connections, phase, id -> new MllpSender(mllpPort, id), true);
                run("HTTP JSON observation", connections, phase, id -> new HttpSender(httpPort, id), true);
            }
        }
        System.exit(0);
    }

    interface Sender extends AutoCloseable {
        /** Sends one message and returns once it is acknowledged; false when the answer was not a success. */
        boolean sendOne(long sequence) throws Exception;

        @Override
        default void close() throws Exception {}
    }

    interface SenderFactory {
        Sender open(int connection) throws Exception;
    }

    private static void run(String name, int connections, Duration phase, SenderFactory factory, boolean report)
            throws Exception {
        var recorder = new Recorder(3);
        var sent = new AtomicLong();
        var failed = new AtomicLong();
        Instant end = Instant.now().plus(phase);
        List<Thread> threads = new ArrayList<>();
        long started = System.nanoTime();
        for (int c = 0; c < connections; c++) {
            int connection = c;
            threads.add(Thread.ofPlatform().start(() -> {
                try (Sender sender = factory.open(connection)) {
                    long sequence = 0;
                    while (Instant.now().isBefore(end)) {
                        long t0 = System.nanoTime();
                        boolean ok = sender.sendOne(sequence++);
                        recorder.recordValue((System.nanoTime() - t0) / 1_000);
                        (ok ? sent : failed).incrementAndGet();
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        Histogram histogram = recorder.getIntervalHistogram();
        if (report) {
            System.out.printf(
                    "%s, %d connections: %.0f messages/s (%d acknowledged, %d not), ACK latency p50 %.2f ms,"
                            + " p99 %.2f ms, max %.2f ms%n",
                    name,
                    connections,
                    sent.get() / seconds,
                    sent.get(),
                    failed.get(),
                    histogram.getValueAtPercentile(50) / 1000.0,
                    histogram.getValueAtPercentile(99) / 1000.0,
                    histogram.getMaxValue() / 1000.0);
        }
    }

    static final class MllpSender implements Sender {
        private final Socket socket;
        private final OutputStream out;
        private final InputStream in;
        private final int connection;
        private final String collected =
                HL7_TIME.format(Instant.now().minus(Duration.ofHours(2)).atZone(ZoneOffset.UTC));

        MllpSender(int port, int connection) throws IOException {
            this.socket = new Socket("localhost", port);
            this.socket.setTcpNoDelay(true);
            this.out = socket.getOutputStream();
            this.in = new java.io.BufferedInputStream(socket.getInputStream());
            this.connection = connection;
        }

        @Override
        public boolean sendOne(long sequence) throws IOException {
            String id = "LOAD-" + connection + "-" + sequence + "-" + System.nanoTime();
            String patient = "LOAD-PATIENT-" + connection + "-" + (sequence % 500);
            String message = String.join(
                            "\r",
                            "MSH|^~\\&|LOADLIS|LOAD-HOSPITAL|TOXWATCH|TOXWATCH|" + collected + "||ORU^R01^ORU_R01|" + id
                                    + "|P|2.5.1|||AL|NE",
                            "PID|1||" + patient + "^^^LOAD-HOSPITAL^MR||DOE^JANE||19850412|F",
                            "PV1|1|I|HEM^12^1",
                            "ORC|RE|ORD-" + id + "|FIL-" + id,
                            "OBR|1|ORD-" + id + "|FIL-" + id + "|57021-8^CBC W Auto Differential panel - Blood^LN|||"
                                    + collected,
                            "OBX|1|NM|751-8^Neutrophils [#/volume] in Blood by Automated count^LN||0.4|10*9/L^^UCUM"
                                    + "|1.8-7.7|LL|||F|||" + collected,
                            "OBX|2|NM|777-3^Platelets [#/volume] in Blood by Automated count^LN||42|10*3/uL^^UCUM"
                                    + "|150-400|L|||F|||" + collected,
                            "OBX|3|NM|718-7^Hemoglobin [Mass/volume] in Blood^LN||78|g/L^^UCUM|120-160|L|||F|||"
                                    + collected,
                            "OBX|4|NM|1742-6^Alanine aminotransferase [Enzymatic activity/volume]^LN||212|U/L^^UCUM"
                                    + "|7-40|H|||F|||" + collected,
                            "OBX|5|NM|1975-2^Bilirubin.total [Mass/volume] in Serum or Plasma^LN||41|umol/L^^UCUM"
                                    + "|3-21|H|||F|||" + collected)
                    + "\r";
            out.write(0x0B);
            out.write(message.getBytes(StandardCharsets.UTF_8));
            out.write(0x1C);
            out.write(0x0D);
            out.flush();
            var ack = new ByteArrayOutputStream(256);
            int b;
            while ((b = in.read()) != 0x1C) {
                if (b < 0) {
                    throw new IOException("connection closed");
                }
                ack.write(b);
            }
            in.read(); // the trailing CR
            return ack.toString(StandardCharsets.UTF_8).contains("MSA|AA|");
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    static final class HttpSender implements Sender {
        private final HttpClient client = HttpClient.newBuilder().build();
        private final URI uri;
        private final int connection;
        private final String authorization = "Basic "
                + Base64.getEncoder().encodeToString(("integration:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        private final String collected =
                Instant.now().minus(Duration.ofHours(2)).toString();

        HttpSender(int port, int connection) {
            this.uri = URI.create("http://localhost:" + port + "/api/v1/observations");
            this.connection = connection;
        }

        @Override
        public boolean sendOne(long sequence) throws Exception {
            String body = """
                    {"patientId":"LOAD-HTTP-%d-%d","loinc":"751-8","value":0.4,"unit":"10*9/L",\
                    "effectiveTime":"%s","referenceRange":{"low":1.8,"high":7.7},"sourceMessageId":"http-%d-%d-%d"}""".formatted(connection, sequence % 500, collected, connection, sequence, System.nanoTime());
            var request = HttpRequest.newBuilder(uri)
                    .header("Content-Type", "application/json")
                    .header("Authorization", authorization)
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build();
            return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 202;
        }

        @Override
        public void close() {
            client.close();
        }
    }

    private IngestLoadHarness() {}
}
