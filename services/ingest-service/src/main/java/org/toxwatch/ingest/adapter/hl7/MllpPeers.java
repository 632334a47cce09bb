package org.toxwatch.ingest.adapter.hl7;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.security.Principal;
import java.util.Set;
import java.util.stream.Collectors;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSocket;
import javax.security.auth.x500.X500Principal;
import org.jspecify.annotations.Nullable;

/**
 * Who may send over MLLP: source addresses and, with mutual TLS, the subjects of client certificates. An empty
 * list allows any; with mutual TLS the certificate must still be trusted by the bundle's trust store, which the
 * handshake checks before this does. Subjects are compared as X.500 names, so spacing and case of attribute types
 * do not matter.
 */
public record MllpPeers(Set<X500Principal> subjects, Set<InetAddress> addresses) {

    public static final MllpPeers ANY = new MllpPeers(Set.of(), Set.of());

    public MllpPeers {
        subjects = Set.copyOf(subjects);
        addresses = Set.copyOf(addresses);
    }

    /** From configuration: distinguished names such as {@code CN=lis.example.org,O=City Lab} and IP addresses. */
    public static MllpPeers of(Set<String> subjects, Set<String> addresses) {
        return new MllpPeers(
                subjects.stream().map(X500Principal::new).collect(Collectors.toSet()),
                addresses.stream().map(MllpPeers::address).collect(Collectors.toSet()));
    }

    /**
     * Why the connection is refused, or null when the peer may send. Completes the TLS handshake first, so a
     * certificate the trust store does not know fails here with an {@link IOException}.
     */
    @Nullable
    String refusal(Socket socket) throws IOException {
        if (!addresses.isEmpty() && !addresses.contains(socket.getInetAddress())) {
            return "source address not in the allowlist";
        }
        if (socket instanceof SSLSocket tls) {
            tls.startHandshake();
            if (!subjects.isEmpty()) {
                Principal peer;
                try {
                    peer = tls.getSession().getPeerPrincipal();
                } catch (SSLPeerUnverifiedException e) {
                    return "no client certificate";
                }
                if (!(peer instanceof X500Principal subject) || !subjects.contains(subject)) {
                    return "client certificate subject not in the allowlist";
                }
            }
        }
        return null;
    }

    private static InetAddress address(String literal) {
        try {
            // Literal IP addresses only: a host name would be resolved once, and could change meaning later.
            if (!literal.strip().matches("[0-9.]+|[0-9A-Fa-f:]+")) {
                throw new IllegalArgumentException("'" + literal + "' is not an IP address");
            }
            return InetAddress.getByName(literal.strip());
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException("'" + literal + "' is not an IP address", e);
        }
    }
}
