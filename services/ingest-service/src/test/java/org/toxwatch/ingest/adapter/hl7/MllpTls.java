package org.toxwatch.ingest.adapter.hl7;

import static org.toxwatch.ingest.adapter.hl7.MllpIngestIT.frame;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.jspecify.annotations.Nullable;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.toxwatch.ingest.adapter.hl7.TestCertificates.Identity;

/**
 * The TLS side of the MLLP integration tests: a server certificate for the run in the Spring SSL bundle the listener
 * is configured with (and, for mutual TLS, a trust store of client certificates), clients that trust that server,
 * and framed exchanges over TLS.
 */
final class MllpTls {

    private final Identity server;

    private MllpTls(Identity server) {
        this.server = server;
    }

    /**
     * Configures the listener's TLS: a key store with a fresh server certificate and, when {@code trustedClients} are
     * given, a trust store holding theirs (what mutual TLS needs).
     */
    static MllpTls listenerWith(DynamicPropertyRegistry registry, Identity... trustedClients) throws Exception {
        String password = "mllp-" + System.nanoTime();
        Identity server = TestCertificates.selfSigned("CN=localhost, O=ToxWatch IT");
        Path directory = Files.createTempDirectory("mllp-tls-");
        Path keyStore = TestCertificates.keyStore(directory.resolve("server.p12"), server, password);
        registry.add("toxwatch.ingest.mllp.ssl-bundle", () -> "mllp");
        registry.add(
                "spring.ssl.bundle.jks.mllp.keystore.location",
                () -> keyStore.toUri().toString());
        registry.add("spring.ssl.bundle.jks.mllp.keystore.password", () -> password);
        registry.add("spring.ssl.bundle.jks.mllp.keystore.type", () -> "PKCS12");
        if (trustedClients.length > 0) {
            Path trustStore = TestCertificates.trustStore(directory.resolve("clients.p12"), password, trustedClients);
            registry.add(
                    "spring.ssl.bundle.jks.mllp.truststore.location",
                    () -> trustStore.toUri().toString());
            registry.add("spring.ssl.bundle.jks.mllp.truststore.password", () -> password);
            registry.add("spring.ssl.bundle.jks.mllp.truststore.type", () -> "PKCS12");
        }
        return new MllpTls(server);
    }

    /** A client trusting the listener's certificate and presenting {@code identity} (no certificate when null). */
    SSLContext client(@Nullable Identity identity) throws Exception {
        return TestCertificates.clientContext(identity, server);
    }

    /** Sends each message framed over one TLS connection and reads each ACK in turn. */
    static List<String> exchange(SSLContext client, int port, String... messages) throws Exception {
        try (var socket = (SSLSocket) client.getSocketFactory().createSocket("localhost", port)) {
            socket.setSoTimeout(30_000);
            socket.startHandshake();
            var acks = new ArrayList<String>();
            for (String message : messages) {
                socket.getOutputStream().write(frame(message));
                socket.getOutputStream().flush();
                acks.add(readAck(socket.getInputStream()));
            }
            return acks;
        }
    }

    /** One ACK, without its MLLP framing; an {@link IOException} when the server closes the connection instead. */
    static String readAck(InputStream in) throws IOException {
        var ack = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != MllpFrameReader.END_BLOCK) {
            if (b < 0) {
                throw new IOException("closed before an ACK");
            }
            if (b != MllpFrameReader.START_BLOCK) {
                ack.write(b);
            }
        }
        return ack.toString(StandardCharsets.UTF_8);
    }
}
