package org.vertogw.media.net;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * An IP address as SDP writes it in {@code c=} and {@code a=candidate} (RFC 8866 §5.7, RFC 8839 §5.1), parsed without
 * ever asking DNS: whatever a peer writes there, the media plane must not resolve a name (an FQDN candidate is
 * skipped, RFC 8839 §5.1) nor block on a resolver.
 */
public final class IpLiteral {

    private static final String OCTET = "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])";
    private static final Pattern V4 = Pattern.compile(OCTET + "(\\." + OCTET + "){3}");
    /** Hex digits, colons and (for an embedded IPv4 tail) dots: the JDK reads these as a literal, never as a name. */
    private static final Pattern V6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private IpLiteral() {}

    /** The address {@code text} spells, or null when it is not an IPv4 or IPv6 literal. */
    public static InetAddress parse(String text) {
        if (text == null || text.length() > 45) {
            return null;
        }
        try {
            if (V4.matcher(text).matches()) {
                String[] parts = text.split("\\.");
                byte[] b = new byte[4];
                for (int i = 0; i < 4; i++) {
                    b[i] = (byte) Integer.parseInt(parts[i]);
                }
                return InetAddress.getByAddress(b);
            }
            return V6.matcher(text).matches() ? InetAddress.getByName(text) : null;
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /** {@code address:port}, or null when the address is not a literal or the port is not 1..65535. */
    public static InetSocketAddress socketAddress(String address, int port) {
        InetAddress a = parse(address);
        return a == null || port < 1 || port > 65535 ? null : new InetSocketAddress(a, port);
    }
}
