package org.toxwatch.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FreePortsTest {

    @Test
    void noPortIsHandedOutTwice() {
        var ports = IntStream.range(0, 300).map(i -> FreePorts.pick()).boxed().toList();

        assertThat(new HashSet<>(ports)).hasSize(ports.size());
    }

    @Test
    void portsComeFromBelowTheEphemeralRangeWhereOutgoingConnectionsTakeTheirs() {
        assertThat(IntStream.range(0, 50).map(i -> FreePorts.pick()))
                .allSatisfy(port -> assertThat(port).isBetween(FreePorts.LOWEST, FreePorts.HIGHEST - 1));
    }

    @Test
    void aPickedPortCanBeBoundOnEveryInterface() throws IOException {
        int port = FreePorts.pick();

        try (var server = new ServerSocket()) {
            server.bind(new InetSocketAddress(port));
            assertThat(server.getLocalPort()).isEqualTo(port);
        }
    }
}
