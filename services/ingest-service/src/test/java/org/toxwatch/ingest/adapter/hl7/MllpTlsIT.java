package org.toxwatch.ingest.adapter.hl7;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.toxwatch.ingest.adapter.hl7.Hl7Fixtures.message;
import static org.toxwatch.ingest.adapter.hl7.MllpIngestIT.frame;
import static org.toxwatch.ingest.adapter.hl7.MllpIngestIT.unique;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.toxwatch.testinfrastructure.IntegrationInfrastructure;

/** MLLP over TLS, configured with a Spring SSL bundle: a client that trusts the certificate gets its ACK. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MllpTlsIT {

    private static final String PASSWORD = "changeit-" + System.nanoTime();
    private static Path keystore;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) throws Exception {
        keystore = selfSignedKeystore();
        IntegrationInfrastructure.shared().registerProperties(registry, "mllp-tls-it");
        registry.add("toxwatch.ingest.mllp.port", () -> "0");
        registry.add("toxwatch.ingest.mllp.ssl-bundle", () -> "mllp");
        registry.add(
                "spring.ssl.bundle.jks.mllp.keystore.location",
                () -> keystore.toUri().toString());
        registry.add("spring.ssl.bundle.jks.mllp.keystore.password", () -> PASSWORD);
        registry.add("spring.ssl.bundle.jks.mllp.keystore.type", () -> "PKCS12");
        registry.add("toxwatch.security.credentials-file", () -> "target/mllp-tls-it-credentials");
    }

    @Autowired
    MllpServer mllp;

    @Test
    void aClientTrustingTheCertificateIsAnsweredOverTls() throws Exception {
        try (var socket = (SSLSocket) trusting().getSocketFactory().createSocket("localhost", mllp.port())) {
            socket.setSoTimeout(30_000);
            socket.startHandshake();
            socket.getOutputStream().write(frame(unique(message("oru-r01-flowsheet-vitals.hl7"), "TLS")));
            socket.getOutputStream().flush();

            assertThat(readAck(socket.getInputStream())).contains("MSA|AA|TLS-441|");
            assertThat(socket.getSession().getProtocol()).startsWith("TLSv1.");
        }
    }

    @Test
    void plainTcpGetsNoAnswer() throws Exception {
        try (var socket = new Socket("localhost", mllp.port())) {
            socket.setSoTimeout(5_000);
            socket.getOutputStream().write(frame(unique(message("oru-r01-flowsheet-vitals.hl7"), "PLAIN")));
            socket.getOutputStream().flush();

            assertThatThrownBy(() -> readAck(socket.getInputStream()))
                    .as("the server closes a connection that does not speak TLS")
                    .isInstanceOf(IOException.class);
        }
    }

    private static String readAck(InputStream in) throws IOException {
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

    private static SSLContext trusting() throws Exception {
        var store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, PASSWORD.toCharArray());
        }
        var trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        var context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }

    /** A throwaway certificate for localhost, made with the JDK's own keytool. */
    private static Path selfSignedKeystore() throws Exception {
        Path directory = Files.createTempDirectory("mllp-tls-");
        Path file = directory.resolve("mllp.p12");
        Process keytool = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "keytool")
                                .toString(),
                        "-genkeypair",
                        "-alias",
                        "mllp",
                        "-keyalg",
                        "EC",
                        "-dname",
                        "CN=localhost",
                        "-ext",
                        "SAN=dns:localhost,ip:127.0.0.1",
                        "-validity",
                        "2",
                        "-storetype",
                        "PKCS12",
                        "-keystore",
                        file.toString(),
                        "-storepass",
                        PASSWORD)
                .redirectErrorStream(true)
                .start();
        if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
            throw new IllegalStateException(
                    "keytool failed: " + new String(keytool.getInputStream().readAllBytes()));
        }
        return file;
    }
}
