package org.toxwatch.infrastructure;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Picks a free TCP port for a server that binds it a moment later. Two things can take a port in that moment, and
 * both once made a local fleet talk to the wrong service (alerting's URL answered by an ingest instance, 403):
 * the kernel handing the same port to two picks, and an outgoing connection taking it as its ephemeral port. So
 * ports come from below the kernel's ephemeral range, and no port is handed out twice in one JVM.
 */
public final class FreePorts {

    /** Below Linux's default ephemeral range (32768-60999), where outgoing connections take their ports. */
    static final int LOWEST = 20_000;

    static final int HIGHEST = 32_000;
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    public static int pick() {
        for (int attempt = 0; attempt < 1_000; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(LOWEST, HIGHEST);
            if (!HANDED_OUT.contains(port) && bindable(port) && HANDED_OUT.add(port)) {
                return port;
            }
        }
        throw new IllegalStateException("no free port between " + LOWEST + " and " + HIGHEST);
    }

    /** Bindable on every interface, as a server binds it (which also covers loopback and IPv6). */
    private static boolean bindable(int port) {
        try (var socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(port), 1);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private FreePorts() {}
}
