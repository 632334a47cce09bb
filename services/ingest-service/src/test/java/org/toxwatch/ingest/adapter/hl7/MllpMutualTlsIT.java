package org.toxwatch.ingest.adapter.hl7;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.toxwatch.ingest.adapter.hl7.Hl7Fixtures.message;
import static org.toxwatch.ingest.adapter.hl7.MllpIngestIT.unique;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.util.List;
import javax.net.ssl.SSLContext;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.toxwatch.ingest.adapter.hl7.TestCertificates.Identity;
import org.toxwatch.testinfrastructure.IntegrationInfrastructure;

/**
 * MLLP over mutual TLS: the listener requires a client certificate its trust store trusts, of those only the
 * subjects on its allowlist may connect, and each sender (MSH-3@MSH-4) may send only with the certificates and from
 * the source addresses it is tied to; a message sent otherwise is refused for good with AE naming the reason, and
 * nothing of it is stored. Certificates are generated for the run with the JDK's APIs; the tests connect from
 * localhost.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MllpMutualTlsIT {

    private static MllpTls tls;
    private static Identity cityLab;
    private static Identity otherLab;
    private static Identity trustedButNotAllowed;
    private static Identity untrusted;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) throws Exception {
        cityLab = TestCertificates.selfSigned("CN=lis.city-lab.example, O=City Lab");
        otherLab = TestCertificates.selfSigned("CN=lis.other-lab.example, O=Other Lab");
        trustedButNotAllowed = TestCertificates.selfSigned("CN=lis.elsewhere.example, O=Elsewhere");
        untrusted = TestCertificates.selfSigned("CN=lis.city-lab.example, O=City Lab");

        IntegrationInfrastructure.shared().registerProperties(registry, "mllp-mtls-it");
        registry.add("toxwatch.ingest.mllp.port", () -> "0");
        tls = MllpTls.listenerWith(registry, cityLab, otherLab, trustedButNotAllowed);
        registry.add("toxwatch.ingest.mllp.require-client-certificate", () -> "true");
        // Written differently from the certificate (spacing, case of the attribute types): compared as X.500 names.
        registry.add("toxwatch.ingest.mllp.allowed-subjects[0]", () -> "cn=lis.city-lab.example,o=City Lab");
        registry.add("toxwatch.ingest.mllp.allowed-subjects[1]", () -> "CN=lis.other-lab.example, O=Other Lab");
        // The flowsheet messages of the fixtures come from FLOWSHEET@ST-ELSEWHERE: tied to a certificate and to
        // the loopback addresses the tests connect from.
        registry.add(
                "toxwatch.ingest.mllp.sender-subjects[FLOWSHEET@ST-ELSEWHERE][0]",
                () -> "CN=lis.city-lab.example, O=City Lab");
        registry.add("toxwatch.ingest.mllp.sender-addresses[FLOWSHEET@ST-ELSEWHERE][0]", () -> "127.0.0.0/8");
        registry.add("toxwatch.ingest.mllp.sender-addresses[FLOWSHEET@ST-ELSEWHERE][1]", () -> "::1");
        registry.add(
                "toxwatch.ingest.mllp.sender-subjects[LIS@OTHER-LAB][0]",
                () -> "CN=lis.other-lab.example, O=Other Lab");
        // A sender tied to an address range only (TEST-NET-1, never the tests' own).
        registry.add("toxwatch.ingest.mllp.sender-addresses[LIS@REMOTE-LAB][0]", () -> "192.0.2.0/24");
        registry.add("toxwatch.security.credentials-file", () -> "target/mllp-mtls-it-credentials");
    }

    @Autowired
    MllpServer mllp;

    @Autowired
    MeterRegistry meters;

    @Autowired
    MongoTemplate mongo;

    @Test
    void aSenderWithATrustedCertificateOnTheAllowlistIsAnswered() throws Exception {
        String ack = exchange(tls.client(cityLab), "MTLS-OK");

        assertThat(ack).contains("MSA|AA|MTLS-OK-441|");
    }

    @Test
    void aTrustedCertificateWhoseSubjectIsNotOnTheAllowlistGetsNoAnswer() throws Exception {
        SSLContext elsewhere = tls.client(trustedButNotAllowed);

        assertThatThrownBy(() -> exchange(elsewhere, "MTLS-OTHER")).isInstanceOf(IOException.class);
    }

    @Test
    void aClientWithoutACertificateIsRefusedInTheHandshake() throws Exception {
        SSLContext anonymous = tls.client(null);

        assertThatThrownBy(() -> exchange(anonymous, "MTLS-NONE")).isInstanceOf(IOException.class);
    }

    @Test
    void aCertificateTheTrustStoreDoesNotHoldIsRefusedEvenWithAnAllowedSubject() throws Exception {
        SSLContext impostor = tls.client(untrusted);

        assertThatThrownBy(() -> exchange(impostor, "MTLS-FAKE")).isInstanceOf(IOException.class);
    }

    @Test
    void anAllowedCertificateSendingAsASenderTiedToAnotherIsRefusedForGoodAndTheConnectionGoesOn() throws Exception {
        double refusedBefore = refusals("sender-certificate");

        List<String> acks = MllpTls.exchange(
                tls.client(otherLab),
                mllp.port(),
                flowsheetAs("MTLS-AS-FLOWSHEET", "FLOWSHEET|ST-ELSEWHERE"),
                flowsheetAs("MTLS-OWN", "LIS|OTHER-LAB"));

        assertThat(acks.get(0))
                .as("the flowsheet's messages are tied to the city lab's certificate")
                .contains("MSA|AE|MTLS-AS-FLOWSHEET-441|sender not permitted with this client certificate")
                .contains("|MSH^1^3|207^")
                .doesNotContain("resend later")
                .doesNotContain("lis.other-lab.example");
        assertThat(acks.get(1)).as("as itself it is answered").contains("MSA|AA|MTLS-OWN-441|");
        assertThat(archived("MTLS-AS-FLOWSHEET-441"))
                .as("nothing of the refused message")
                .isZero();
        assertThat(archived("MTLS-OWN-441")).isEqualTo(1);
        assertThat(refusals("sender-certificate") - refusedBefore).isEqualTo(1.0);
    }

    @Test
    void aSenderTiedToAnotherAddressIsRefusedFromThisOneWhateverItsCertificate() throws Exception {
        double refusedBefore = refusals("sender-address");

        String ack = exchange(tls.client(cityLab), "MTLS-REMOTE", "LIS|REMOTE-LAB");

        assertThat(ack)
                .contains("MSA|AE|MTLS-REMOTE-441|sender not permitted from this source address")
                .doesNotContain("127.0.0.1");
        assertThat(archived("MTLS-REMOTE-441")).isZero();
        assertThat(refusals("sender-address") - refusedBefore).isEqualTo(1.0);
    }

    @Test
    void aSenderTiedToNothingIsRefusedOnceSendersAreTied() throws Exception {
        double refusedBefore = refusals("sender-not-listed");

        String ack = exchange(tls.client(otherLab), "MTLS-UNBOUND", "LIS|NOBODY");

        assertThat(ack).contains("MSA|AE|MTLS-UNBOUND-441|sender not registered for this MLLP listener");
        assertThat(archived("MTLS-UNBOUND-441")).isZero();
        assertThat(refusals("sender-not-listed") - refusedBefore).isEqualTo(1.0);
    }

    private String exchange(SSLContext context, String prefix) throws Exception {
        return exchange(context, prefix, "FLOWSHEET|ST-ELSEWHERE");
    }

    private String exchange(SSLContext context, String prefix, String sender) throws Exception {
        return MllpTls.exchange(context, mllp.port(), flowsheetAs(prefix, sender))
                .getFirst();
    }

    /** The flowsheet fixture with its own control id, sent as {@code sender} (MSH-3|MSH-4). */
    private static String flowsheetAs(String prefix, String sender) {
        return unique(message("oru-r01-flowsheet-vitals.hl7"), prefix)
                .replaceFirst("\\|FLOWSHEET\\|ST-ELSEWHERE\\|", "|" + sender + "|");
    }

    private long archived(String controlId) {
        return mongo.count(Query.query(Criteria.where("messageId").is(controlId)), Document.class, "inbound_messages");
    }

    private double refusals(String reason) {
        Counter counter = meters.find("toxwatch.ingest.rejections")
                .tag("protocol", "HL7V2")
                .tag("reason", reason)
                .counter();
        return counter == null ? 0 : counter.count();
    }
}
