package org.toxwatch.alerting.notification.adapter.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Where ToxWatch may send a webhook: {@code https} only (plain {@code http} only where the local run allows it),
 * and never to an address inside the network it runs in (loopback, private, link-local, CGNAT, unique-local,
 * multicast, unspecified, reserved, cloud metadata) unless an operator's allowlist names the host. The addresses
 * are checked as resolved for the connection itself: {@link #addressesOf} resolves once and the connection goes to
 * exactly the addresses it returned, so a name that answers "public" to a check and "internal" to the connect (DNS
 * rebinding) cannot slip through.
 */
public final class OutboundPolicy {

    /** What every refusal says, in the delivery log and to the caller: nothing about the target's ports or state. */
    public static final String REFUSED = "target refused by outbound policy";

    /** Resolves a host name to its addresses ({@link InetAddress#getAllByName} outside tests). */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /** A target the policy refuses; an {@link UnknownHostException} so the HTTP client gives up on it at once. */
    static final class Refusal extends UnknownHostException {

        Refusal() {
            super(REFUSED);
        }
    }

    private final boolean allowPlainHttp;
    private final Set<String> allowedHosts;
    private final Resolver resolver;

    /**
     * @param allowPlainHttp whether {@code http} targets are allowed (the local run only)
     * @param allowedHosts host names (as written in the URL) that may resolve to internal addresses
     */
    public OutboundPolicy(boolean allowPlainHttp, Set<String> allowedHosts, Resolver resolver) {
        this.allowPlainHttp = allowPlainHttp;
        this.allowedHosts =
                allowedHosts.stream().map(OutboundPolicy::normalized).collect(Collectors.toUnmodifiableSet());
        this.resolver = resolver;
    }

    public static OutboundPolicy of(boolean allowPlainHttp, Set<String> allowedHosts) {
        return new OutboundPolicy(allowPlainHttp, allowedHosts, InetAddress::getAllByName);
    }

    /** Whether the URL's scheme and host are acceptable before any address is looked at. */
    public boolean permitsUrl(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        boolean schemeAllowed = scheme.equals("https") || scheme.equals("http") && allowPlainHttp;
        return schemeAllowed && url.getHost() != null && url.getRawUserInfo() == null;
    }

    /** Resolves the host once and returns the addresses to connect to, or refuses if any of them is internal. */
    InetAddress[] addressesOf(String host) throws UnknownHostException {
        InetAddress[] addresses = resolver.resolve(host);
        if (addresses.length == 0
                || !allowedHosts.contains(normalized(host))
                        && Arrays.stream(addresses).anyMatch(OutboundPolicy::internal)) {
            throw new Refusal();
        }
        return addresses.clone();
    }

    /** Addresses that reach into the network ToxWatch runs in rather than out to a receiver. */
    static boolean internal(InetAddress address) {
        if (address.isAnyLocalAddress()
                || address.isLoopbackAddress()
                || address.isLinkLocalAddress()
                || address.isSiteLocalAddress()
                || address.isMulticastAddress()) {
            return true;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            return internalIpv4(bytes);
        }
        if (address instanceof Inet6Address) {
            int first = bytes[0] & 0xff;
            if ((first & 0xfe) == 0xfc) {
                return true; // fc00::/7 unique-local, e.g. the EC2 metadata service at fd00:ec2::254
            }
            byte[] embedded = embeddedIpv4(bytes);
            return embedded != null && (internalIpv4(embedded) || internal(ipv4(embedded)));
        }
        return true;
    }

    private static boolean internalIpv4(byte[] b) {
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        return first == 0 // "this network"
                || first == 10
                || first == 127
                || first == 100 && second >= 64 && second <= 127 // 100.64.0.0/10 carrier-grade NAT
                || first == 169 && second == 254 // link-local, incl. the metadata service 169.254.169.254
                || first == 172 && second >= 16 && second <= 31
                || first == 192 && second == 168
                || first == 192 && second == 0 && (b[2] & 0xff) == 0 // 192.0.0.0/24 protocol assignments
                || first == 198 && (second == 18 || second == 19) // 198.18.0.0/15 benchmarking
                || first >= 224; // multicast, reserved, broadcast
    }

    /** The IPv4 address inside an IPv4-mapped, IPv4-compatible or NAT64 (64:ff9b::/96) IPv6 address. */
    private static byte @Nullable [] embeddedIpv4(byte[] b) {
        boolean zeroPrefix = true;
        for (int i = 0; i < 10; i++) {
            zeroPrefix &= b[i] == 0;
        }
        boolean mapped = zeroPrefix && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
        boolean compatible = zeroPrefix && b[10] == 0 && b[11] == 0;
        boolean nat64 =
                (b[0] & 0xff) == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b;
        for (int i = 4; nat64 && i < 12; i++) {
            nat64 = b[i] == 0;
        }
        return mapped || compatible || nat64 ? Arrays.copyOfRange(b, 12, 16) : null;
    }

    private static InetAddress ipv4(byte[] bytes) {
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static String normalized(String host) {
        String lower = host.toLowerCase(Locale.ROOT);
        return lower.startsWith("[") && lower.endsWith("]") ? lower.substring(1, lower.length() - 1) : lower;
    }
}
