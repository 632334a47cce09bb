package org.toxwatch.ingest.adapter.hl7;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.toxwatch.ingest.adapter.hl7.Hl7Fixtures.message;
import static org.toxwatch.ingest.adapter.hl7.MllpIngestIT.frame;
import static org.toxwatch.ingest.adapter.hl7.MllpIngestIT.unique;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.toxwatch.ingest.adapter.hl7.TestCertificates.Identity;
import org.toxwatch.testinfrastructure.IntegrationInfrastructure;

/**
 * MLLP over mutual TLS: the listener requires a client certificate its trust store trusts, of those only the
 * subjects on its allowlist may connect, and each may send only as the senders (MSH-3@MSH-4) it is bound to.
 * Certificates are generated for the run with the JDK's APIs.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MllpMutualTlsIT {

    private static final String PASSWORD = "mtls-" + System.nanoTime();
    private static Identity server;
    private static Identity cityLab;
    private static Identity otherLab;
    private static Identity trustedButNotAllowed;
    private static Identity untrusted;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) throws Exception {
        server = TestCertificates.selfSigned("CN=localhost, O=ToxWatch IT");
        cityLab = TestCertificates.selfSigned("CN=lis.city-lab.example, O=City Lab");
        otherLab = TestCertificates.selfSigned("CN=lis.other-lab.example, O=Other Lab");
        trustedButNotAllowed = TestCertificates.selfSigned("CN=lis.elsewhere.example, O=Elsewhere");
        untrusted = TestCertificates.selfSigned("CN=lis.city-lab.example, O=City Lab");
        Path directory = Files.createTempDirectory("mllp-mtls-");
        Path keyStore = TestCertificates.keyStore(directory.resolve("server.p12"), server, PASSWORD);
        Path trustStore = TestCertificates.trustStore(
                directory.resolve("clients.p12"), PASSWORD, cityLab, otherLab, trustedButNotAllowed);

        IntegrationInfrastructure.shared().registerProperties(registry, "mllp-mtls-it");
        registry.add("toxwatch.ingest.mllp.port", () -> "0");
        registry.add("toxwatch.ingest.mllp.ssl-bundle", () -> "mllp");
        registry.add("toxwatch.ingest.mllp.require-client-certificate", () -> "true");
        // Written differently from the certificate (spacing, case of the attribute types): compared as X.500 names.
        registry.add("toxwatch.ingest.mllp.allowed-subjects[0]", () -> "cn=lis.city-lab.example,o=City Lab");
        registry.add("toxwatch.ingest.mllp.allowed-subjects[1]", () -> "CN=lis.other-lab.example, O=Other Lab");
        // The flowsheet messages of the fixtures come from FLOWSHEET@ST-ELSEWHERE.
        registry.add(
                "toxwatch.ingest.mllp.sender-subjects[FLOWSHEET@ST-ELSEWHERE][0]",
                () -> "CN=lis.city-lab.example, O=City Lab");
        registry.add(
                "toxwatch.ingest.mllp.sender-subjects[LIS@OTHER-LAB][0]",
                () -> "CN=lis.other-lab.example, O=Other Lab");
        registry.add(
                "spring.ssl.bundle.jks.mllp.keystore.location",
                () -> keyStore.toUri().toString());
        registry.add("spring.ssl.bundle.jks.mllp.keystore.password", () -> PASSWORD);
        registry.add("spring.ssl.bundle.jks.mllp.keystore.type", () -> "PKCS12");
        registry.add(
                "spring.ssl.bundle.jks.mllp.truststore.location",
                () -> trustStore.toUri().toString());
        registry.add("spring.ssl.bundle.jks.mllp.truststore.password", () -> PASSWORD);
        registry.add("spring.ssl.bundle.jks.mllp.truststore.type", () -> "PKCS12");
        registry.add("toxwatch.security.credentials-file", () -> "target/mllp-mtls-it-credentials");
    }

    @Autowired
    MllpServer mllp;

    @Test
    void aSenderWithATrustedCertificateOnTheAllowlistIsAnswered() throws Exception {
        String ack = exchange(TestCertificates.clientContext(cityLab, server), "MTLS-OK");

        assertThat(ack).contains("MSA|AA|MTLS-OK-441|");
    }

    @Test
    void aTrustedCertificateWhoseSubjectIsNotOnTheAllowlistGetsNoAnswer() throws Exception {
        SSLContext elsewhere = TestCertificates.clientContext(trustedButNotAllowed, server);

        assertThatThrownBy(() -> exchange(elsewhere, "MTLS-OTHER")).isInstanceOf(IOException.class);
    }

    @Test
    void aClientWithoutACertificateIsRefusedInTheHandshake() throws Exception {
        SSLContext anonymous = TestCertificates.clientContext(null, server);

        assertThatThrownBy(() -> exchange(anonymous, "MTLS-NONE")).isInstanceOf(IOException.class);
    }

    @Test
    void aCertificateTheTrustStoreDoesNotHoldIsRefusedEvenWithAnAllowedSubject() throws Exception {
        SSLContext impostor = TestCertificates.clientContext(untrusted, server);

        assertThatThrownBy(() -> exchange(impostor, "MTLS-FAKE")).isInstanceOf(IOException.class);
    }

    @Test
    void anAllowedCertificateMayNotSendAsASenderItIsNotBoundTo() throws Exception {
        SSLContext otherLabsCertificate = TestCertificates.clientContext(otherLab, server);

        assertThatThrownBy(() -> exchange(otherLabsCertificate, "MTLS-AS-FLOWSHEET"))
                .as("the flowsheet's messages are bound to the city lab's certificate")
                .isInstanceOf(IOException.class);
        assertThat(exchange(otherLabsCertificate, "MTLS-OWN", "LIS|OTHER-LAB"))
                .as("as itself it is answered")
                .contains("MSA|AA|MTLS-OWN-441|");
        assertThatThrownBy(() -> exchange(otherLabsCertificate, "MTLS-UNBOUND", "LIS|NOBODY"))
                .as("a sender bound to no certificate is refused once senders are bound")
                .isInstanceOf(IOException.class);
    }

    private String exchange(SSLContext context, String prefix) throws Exception {
        return exchange(context, prefix, "FLOWSHEET|ST-ELSEWHERE");
    }

    /** Sends the flowsheet fixture as {@code sender} (MSH-3|MSH-4) and reads the ACK. */
    private String exchange(SSLContext context, String prefix, String sender) throws Exception {
        String message = unique(message("oru-r01-flowsheet-vitals.hl7"), prefix)
                .replaceFirst("\\|FLOWSHEET\\|ST-ELSEWHERE\\|", "|" + sender + "|");
        try (var socket = (SSLSocket) context.getSocketFactory().createSocket("localhost", mllp.port())) {
            socket.setSoTimeout(30_000);
            socket.startHandshake();
            socket.getOutputStream().write(frame(message));
            socket.getOutputStream().flush();
            return readAck(socket.getInputStream());
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
}
