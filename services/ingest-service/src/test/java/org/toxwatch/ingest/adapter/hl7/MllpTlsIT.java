package org.toxwatch.ingest.adapter.hl7;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.toxwatch.ingest.adapter.hl7.Hl7Fixtures.message;
import static org.toxwatch.ingest.adapter.hl7.MllpIngestIT.frame;
import static org.toxwatch.ingest.adapter.hl7.MllpIngestIT.unique;

import java.io.IOException;
import java.net.Socket;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.toxwatch.testinfrastructure.IntegrationInfrastructure;

/** MLLP over TLS, configured with a Spring SSL bundle: a client that trusts the certificate gets its ACK. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MllpTlsIT {

    private static MllpTls tls;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) throws Exception {
        IntegrationInfrastructure.shared().registerProperties(registry, "mllp-tls-it");
        registry.add("toxwatch.ingest.mllp.port", () -> "0");
        tls = MllpTls.listenerWith(registry);
        registry.add("toxwatch.security.credentials-file", () -> "target/mllp-tls-it-credentials");
    }

    @Autowired
    MllpServer mllp;

    @Test
    void aClientTrustingTheCertificateIsAnsweredOverTls() throws Exception {
        try (var socket = (SSLSocket) tls.client(null).getSocketFactory().createSocket("localhost", mllp.port())) {
            socket.setSoTimeout(30_000);
            socket.startHandshake();
            socket.getOutputStream().write(frame(unique(message("oru-r01-flowsheet-vitals.hl7"), "TLS")));
            socket.getOutputStream().flush();

            assertThat(MllpTls.readAck(socket.getInputStream())).contains("MSA|AA|TLS-441|");
            assertThat(socket.getSession().getProtocol()).startsWith("TLSv1.");
        }
    }

    @Test
    void plainTcpGetsNoAnswer() throws Exception {
        try (var socket = new Socket("localhost", mllp.port())) {
            socket.setSoTimeout(5_000);
            socket.getOutputStream().write(frame(unique(message("oru-r01-flowsheet-vitals.hl7"), "PLAIN")));
            socket.getOutputStream().flush();

            assertThatThrownBy(() -> MllpTls.readAck(socket.getInputStream()))
                    .as("the server closes a connection that does not speak TLS")
                    .isInstanceOf(IOException.class);
        }
    }
}
