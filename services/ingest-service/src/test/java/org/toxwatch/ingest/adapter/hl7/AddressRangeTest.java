package org.toxwatch.ingest.adapter.hl7;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Source addresses and CIDR ranges as the MLLP allowlists write them. */
class AddressRangeTest {

    @ParameterizedTest(name = "{0} holds {1}: {2}")
    @CsvSource({
        // exact addresses
        "10.20.0.15,          10.20.0.15,             true",
        "10.20.0.15,          10.20.0.16,             false",
        "2001:db8::15,        2001:db8:0:0:0:0:0:15,  true",
        "2001:db8::15,        2001:db8::16,           false",
        // IPv4 ranges, each side of the boundary
        "10.20.0.0/24,        10.20.0.0,              true",
        "10.20.0.0/24,        10.20.0.255,            true",
        "10.20.0.0/24,        10.20.1.0,              false",
        "10.20.0.0/24,        10.19.255.255,          false",
        "10.20.0.0/22,        10.20.3.255,            true",
        "10.20.0.0/22,        10.20.4.0,              false",
        "10.20.0.16/28,       10.20.0.31,             true",
        "10.20.0.16/28,       10.20.0.32,             false",
        "10.20.0.16/28,       10.20.0.15,             false",
        "0.0.0.0/0,           192.0.2.1,              true",
        // IPv6 ranges, each side of the boundary
        "2001:db8:1::/48,     2001:db8:1:ffff::1,     true",
        "2001:db8:1::/48,     2001:db8:2::1,          false",
        "2001:db8::/127,      2001:db8::1,            true",
        "2001:db8::/127,      2001:db8::2,            false",
        // an IPv4 peer as a dual-stack listener may report it
        "10.20.0.0/24,        ::ffff:10.20.0.7,       true",
        "10.20.0.0/24,        ::ffff:10.21.0.7,       false",
        // one family never matches the other
        "10.20.0.15,          ::a14:f,                false",
        "::/0,                10.20.0.15,             false",
        "0.0.0.0/0,           2001:db8::1,            false",
    })
    void holdsTheAddressesOfItsRangeAndNoOthers(String range, String source, boolean held) throws Exception {
        assertThat(AddressRange.parse(range).contains(InetAddress.getByName(source)))
                .isEqualTo(held);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "lis.city-lab.example",
                "localhost",
                "10.20.0.0/33",
                "2001:db8::/129",
                "10.20.0.0/-1",
                "10.20.0.0/",
                "10.20.0.15/16",
                "2001:db8::1/64",
                "1234",
                "10.20.0",
                "fe80::1%eth0"
            })
    void refusesHostNamesImpossiblePrefixesAndRangesWithHostBitsSet(String written) {
        assertThatThrownBy(() -> AddressRange.parse(written)).isInstanceOf(IllegalArgumentException.class);
    }
}
