package org.toxwatch.ingest.adapter.hl7;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.security.Principal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSocket;
import javax.security.auth.x500.X500Principal;
import org.jspecify.annotations.Nullable;

/**
 * Who may send over MLLP: source addresses and, with mutual TLS, the subjects of client certificates, and per
 * sender (MSH-3@MSH-4) the subjects that may send as it. An empty list allows any; with mutual TLS the certificate
 * must still be trusted by the bundle's trust store, which the handshake checks before this does. Once any sender
 * is bound, a sender not listed is refused. Subjects are compared as X.500 names, so spacing and case of attribute
 * types do not matter.
 */
public record MllpPeers(
        Set<X500Principal> subjects, Set<InetAddress> addresses, Map<String, Set<X500Principal>> subjectsBySender) {

    public static final MllpPeers ANY = new MllpPeers(Set.of(), Set.of(), Map.of());

    public MllpPeers {
        subjects = Set.copyOf(subjects);
        addresses = Set.copyOf(addresses);
        subjectsBySender = Map.copyOf(subjectsBySender);
    }

    /**
     * From configuration: distinguished names such as {@code CN=lis.example.org,O=City Lab}, IP addresses, and per
     * sender the distinguished names that may send as it.
     */
    public static MllpPeers of(Set<String> subjects, Set<String> addresses, Map<String, List<String>> senders) {
        var bySender = new HashMap<String, Set<X500Principal>>();
        senders.forEach((sender, names) ->
                bySender.put(sender, names.stream().map(X500Principal::new).collect(Collectors.toSet())));
        return new MllpPeers(
                subjects.stream().map(X500Principal::new).collect(Collectors.toSet()),
                addresses.stream().map(MllpPeers::address).collect(Collectors.toSet()),
                bySender);
    }

    /** The subject of the peer's client certificate, or null without mutual TLS. */
    @Nullable
    static X500Principal subjectOf(Socket socket) {
        if (socket instanceof SSLSocket tls) {
            try {
                return tls.getSession().getPeerPrincipal() instanceof X500Principal subject ? subject : null;
            } catch (SSLPeerUnverifiedException e) {
                return null;
            }
        }
        return null;
    }

    /** Whether a peer with this certificate subject may send messages from {@code sender}. */
    boolean mayActAs(String sender, @Nullable X500Principal subject) {
        if (subjectsBySender.isEmpty()) {
            return true;
        }
        Set<X500Principal> bound = subjectsBySender.get(sender);
        return bound != null && subject != null && bound.contains(subject);
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
