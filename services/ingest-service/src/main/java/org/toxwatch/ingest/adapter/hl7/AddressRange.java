package org.toxwatch.ingest.adapter.hl7;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * One source address ({@code 10.20.0.15}, {@code 2001:db8::15}) or a CIDR range of them ({@code 10.20.0.0/24},
 * {@code 2001:db8:1::/48}). An IPv4 range also holds the IPv4-mapped IPv6 form of its addresses
 * ({@code ::ffff:10.20.0.15}), which a dual-stack listener may report for an IPv4 peer.
 */
public final class AddressRange {

    /** Literal addresses only: a host name would be resolved once at start and could change meaning later. */
    private static final Pattern LITERAL = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private final byte[] network;
    private final int prefixLength;
    private final String text;

    private AddressRange(byte[] network, int prefixLength, String text) {
        this.network = network;
        this.prefixLength = prefixLength;
        this.text = text;
    }

    /**
     * @throws IllegalArgumentException for a host name, a prefix beyond the address's bits, or a range written
     *     with host bits set ({@code 10.20.0.15/16}): a typo there would admit a whole network
     */
    public static AddressRange parse(String written) {
        String text = written.strip();
        int slash = text.indexOf('/');
        String literal = slash < 0 ? text : text.substring(0, slash);
        if (!LITERAL.matcher(literal).matches()) {
            throw new IllegalArgumentException("'" + written + "' is not an IP address or CIDR range");
        }
        byte[] address;
        try {
            address = InetAddress.getByName(literal).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("'" + written + "' is not an IP address or CIDR range", e);
        }
        int bits = address.length * 8;
        int prefix = bits;
        if (slash >= 0) {
            try {
                prefix = Integer.parseInt(text.substring(slash + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + written + "' has no prefix length after '/'", e);
            }
            if (prefix < 0 || prefix > bits) {
                throw new IllegalArgumentException("'" + written + "': the prefix length must be 0 to " + bits);
            }
        }
        if (!Arrays.equals(address, masked(address, prefix))) {
            throw new IllegalArgumentException("'" + written + "' has bits set beyond its /" + prefix
                    + " prefix: write the network address, or /" + bits + " for one address");
        }
        return new AddressRange(address, prefix, text);
    }

    public boolean contains(InetAddress source) {
        byte[] address = source.getAddress();
        if (address.length == 16 && network.length == 4 && isIpv4Mapped(address)) {
            address = Arrays.copyOfRange(address, 12, 16);
        }
        return address.length == network.length && Arrays.equals(masked(address, prefixLength), network);
    }

    private static boolean isIpv4Mapped(byte[] address) {
        for (int i = 0; i < 10; i++) {
            if (address[i] != 0) {
                return false;
            }
        }
        return address[10] == (byte) 0xFF && address[11] == (byte) 0xFF;
    }

    private static byte[] masked(byte[] address, int prefix) {
        byte[] masked = address.clone();
        for (int i = 0; i < masked.length; i++) {
            int keep = Math.clamp(prefix - i * 8L, 0, 8);
            masked[i] &= (byte) (0xFF << (8 - keep));
        }
        return masked;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AddressRange range
                && prefixLength == range.prefixLength
                && Arrays.equals(network, range.network);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(network) + prefixLength;
    }

    @Override
    public String toString() {
        return text;
    }
}
