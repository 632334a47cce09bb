package org.toxwatch.ingest.adapter.hl7;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.security.auth.x500.X500Principal;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Which sender (MSH-3@MSH-4) may send from which source address and with which client certificate. */
class MllpPeersTest {

    private static final X500Principal CITY_LAB = new X500Principal("CN=lis.city-lab.example, O=City Lab");
    private static final X500Principal OTHER_LAB = new X500Principal("CN=lis.other-lab.example, O=Other Lab");

    @Test
    void withoutTiesEverySenderMaySendFromAnywhere() {
        assertThat(MllpPeers.ANY.refusal("LIS@CITY-LAB", address("192.0.2.1"), null))
                .isNull();
    }

    @Nested
    class SendersTiedToAddresses {

        private final MllpPeers peers = MllpPeers.of(
                Set.of(), Set.of(), Map.of(), Map.of("LIS@CITY-LAB", List.of("10.20.0.0/24", "2001:db8:20::15")));

        @Test
        void aTiedSenderMaySendFromItsRangesWithOrWithoutACertificate() {
            assertThat(peers.refusal("LIS@CITY-LAB", address("10.20.0.7"), null))
                    .isNull();
            assertThat(peers.refusal("LIS@CITY-LAB", address("2001:db8:20::15"), CITY_LAB))
                    .isNull();
        }

        @Test
        void aTiedSenderFromAnotherAddressIsRefusedForItsAddress() {
            assertThat(peers.refusal("LIS@CITY-LAB", address("10.20.1.7"), null))
                    .isEqualTo(SenderRefusal.SOURCE_ADDRESS);
            assertThat(peers.refusal("LIS@CITY-LAB", address("2001:db8:20::16"), null))
                    .isEqualTo(SenderRefusal.SOURCE_ADDRESS);
        }

        @Test
        void aSenderNotListedIsRefusedOnceAnySenderIsTied() {
            assertThat(peers.refusal("LIS@ELSEWHERE", address("10.20.0.7"), null))
                    .isEqualTo(SenderRefusal.NOT_LISTED);
        }

        @Test
        void senderNamesAreMatchedExactly() {
            assertThat(peers.refusal("LIS@CITY-LAB-2", address("10.20.0.7"), null))
                    .isEqualTo(SenderRefusal.NOT_LISTED);
            assertThat(peers.refusal("lis@city-lab", address("10.20.0.7"), null))
                    .isEqualTo(SenderRefusal.NOT_LISTED);
        }
    }

    @Nested
    class SendersTiedToCertificates {

        private final MllpPeers peers = MllpPeers.of(
                Set.of(), Set.of(), Map.of("LIS@CITY-LAB", List.of("cn=lis.city-lab.example,o=City Lab")), Map.of());

        @Test
        void aTiedSenderMaySendWithItsCertificateWrittenAnyWay() {
            assertThat(peers.refusal("LIS@CITY-LAB", address("192.0.2.1"), CITY_LAB))
                    .isNull();
        }

        @Test
        void aTiedSenderWithAnotherCertificateOrNoneIsRefusedForTheCertificate() {
            assertThat(peers.refusal("LIS@CITY-LAB", address("192.0.2.1"), OTHER_LAB))
                    .isEqualTo(SenderRefusal.CERTIFICATE);
            assertThat(peers.refusal("LIS@CITY-LAB", address("192.0.2.1"), null))
                    .isEqualTo(SenderRefusal.CERTIFICATE);
        }
    }

    @Nested
    class SendersTiedToBoth {

        private final MllpPeers peers = MllpPeers.of(
                Set.of(),
                Set.of(),
                Map.of("LIS@CITY-LAB", List.of("CN=lis.city-lab.example, O=City Lab")),
                Map.of("LIS@CITY-LAB", List.of("10.20.0.15"), "PHARMACY@CITY", List.of("10.30.0.0/16")));

        @Test
        void bothTiesMustHold() {
            assertThat(peers.refusal("LIS@CITY-LAB", address("10.20.0.15"), CITY_LAB))
                    .isNull();
            assertThat(peers.refusal("LIS@CITY-LAB", address("10.20.0.16"), CITY_LAB))
                    .isEqualTo(SenderRefusal.SOURCE_ADDRESS);
            assertThat(peers.refusal("LIS@CITY-LAB", address("10.20.0.15"), OTHER_LAB))
                    .isEqualTo(SenderRefusal.CERTIFICATE);
        }

        @Test
        void aSenderTiedToAddressesOnlyNeedsNoParticularCertificate() {
            assertThat(peers.refusal("PHARMACY@CITY", address("10.30.4.2"), OTHER_LAB))
                    .isNull();
        }
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
