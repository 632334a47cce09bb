package org.toxwatch.ingest.adapter.hl7;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.security.Principal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSocket;
import javax.security.auth.x500.X500Principal;
import org.jspecify.annotations.Nullable;

/**
 * Who may send over MLLP. For the whole listener: source addresses (or CIDR ranges) and, with mutual TLS, the
 * subjects of client certificates; a peer outside them is refused at connect. Per sender (MSH-3@MSH-4): the source
 * addresses and the certificate subjects it is tied to, either or both; a message of a sender arriving otherwise is
 * refused. An empty list allows any; with mutual TLS the certificate must still be trusted by the bundle's trust
 * store, which the handshake checks before this does. Once any sender is tied, a sender not listed is refused.
 * Subjects are compared as X.500 names, so spacing and case of attribute types do not matter.
 */
public record MllpPeers(Set<X500Principal> subjects, List<AddressRange> addresses, Map<String, SenderTies> senders) {

    public static final MllpPeers ANY = new MllpPeers(Set.of(), List.of(), Map.of());

    /**
     * What one sender is tied to; an empty side does not restrict.
     *
     * @param addresses the source addresses or ranges it may send from
     * @param subjects the client certificate subjects it may send with
     */
    public record SenderTies(List<AddressRange> addresses, Set<X500Principal> subjects) {

        public SenderTies {
            addresses = List.copyOf(addresses);
            subjects = Set.copyOf(subjects);
        }
    }

    public MllpPeers {
        subjects = Set.copyOf(subjects);
        addresses = List.copyOf(addresses);
        senders = Map.copyOf(senders);
    }

    /**
     * From configuration: distinguished names such as {@code CN=lis.city-lab.example,O=City Lab}, IP addresses or
     * CIDR ranges, and per sender the distinguished names and the addresses or ranges it is tied to.
     */
    public static MllpPeers of(
            Set<String> subjects,
            Set<String> addresses,
            Map<String, List<String>> senderSubjects,
            Map<String, List<String>> senderAddresses) {
        var tied = new HashSet<>(senderSubjects.keySet());
        tied.addAll(senderAddresses.keySet());
        var senders = new HashMap<String, SenderTies>();
        for (String sender : tied) {
            senders.put(
                    sender,
                    new SenderTies(
                            ranges(senderAddresses.getOrDefault(sender, List.of())),
                            principals(senderSubjects.getOrDefault(sender, List.of()))));
        }
        return new MllpPeers(principals(subjects), ranges(addresses), senders);
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

    /** Why a message of {@code sender} from this source and certificate subject is refused, or null when it may send. */
    @Nullable
    SenderRefusal refusal(String sender, InetAddress source, @Nullable X500Principal subject) {
        if (senders.isEmpty()) {
            return null;
        }
        SenderTies ties = senders.get(sender);
        if (ties == null) {
            return SenderRefusal.NOT_LISTED;
        }
        if (!ties.addresses().isEmpty() && !within(ties.addresses(), source)) {
            return SenderRefusal.SOURCE_ADDRESS;
        }
        if (!ties.subjects().isEmpty() && (subject == null || !ties.subjects().contains(subject))) {
            return SenderRefusal.CERTIFICATE;
        }
        return null;
    }

    /**
     * Why the connection is refused, or null when the peer may send. Completes the TLS handshake first, so a
     * certificate the trust store does not know fails here with an {@link IOException}.
     */
    @Nullable
    String refusal(Socket socket) throws IOException {
        if (!addresses.isEmpty() && !within(addresses, socket.getInetAddress())) {
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

    private static boolean within(List<AddressRange> ranges, InetAddress source) {
        return ranges.stream().anyMatch(range -> range.contains(source));
    }

    private static List<AddressRange> ranges(Iterable<String> written) {
        var ranges = new ArrayList<AddressRange>();
        written.forEach(text -> ranges.add(AddressRange.parse(text)));
        return ranges;
    }

    private static Set<X500Principal> principals(Iterable<String> names) {
        var principals = new HashSet<X500Principal>();
        names.forEach(name -> principals.add(new X500Principal(name)));
        return principals;
    }
}
