package org.vertogw.media.ice;

import java.net.InetSocketAddress;
import java.util.Locale;
import org.vertogw.media.net.IpLiteral;

/**
 * One {@code a=candidate} (RFC 8839 §5.1): foundation, component, transport, priority, address, port and type;
 * extension attributes after the type are kept verbatim. Addresses are kept as text (no DNS look-ups).
 */
public record IceCandidate(
        String foundation,
        int component,
        String transport,
        long priority,
        String address,
        int port,
        String type,
        String extensions) {

    /** Parses the attribute value (with or without the leading {@code candidate:}). */
    public static IceCandidate parse(String value) {
        String v = value.startsWith("candidate:") ? value.substring("candidate:".length()) : value;
        String[] f = v.trim().split("\\s+");
        if (f.length < 8 || !"typ".equals(f[6])) {
            throw new IllegalArgumentException("candidate '" + value + "' lacks foundation..typ fields");
        }
        StringBuilder ext = new StringBuilder();
        for (int i = 8; i < f.length; i++) {
            ext.append(i > 8 ? " " : "").append(f[i]);
        }
        try {
            return new IceCandidate(
                    f[0],
                    Integer.parseInt(f[1]),
                    f[2].toLowerCase(Locale.ROOT),
                    Long.parseLong(f[3]),
                    f[4],
                    Integer.parseInt(f[5]),
                    f[7],
                    ext.toString());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("candidate '" + value + "' has a non-numeric field", e);
        }
    }

    /** A host candidate for component 1 (RTP with rtcp-mux): priority per RFC 8445 §5.1.2.1 with local preference 65535. */
    public static IceCandidate host(String address, int port) {
        return new IceCandidate("1", 1, "udp", priority(126, 65535, 1), address, port, "host", "");
    }

    /**
     * A passive ICE-TCP host candidate for component 1 (RFC 6544 §4.5, {@code tcptype passive}): local preference
     * per RFC 6544 §4.2 (direction preference 4 for a passive host candidate, other preference 8191), and type
     * preference 90 as libwebrtc gives host TCP, below UDP's 126, so that a browser whose UDP works selects UDP.
     */
    public static IceCandidate tcpPassive(String address, int port) {
        return new IceCandidate(
                "2", 1, "tcp", priority(90, (4 << 13) + 8191, 1), address, port, "host", "tcptype passive");
    }

    /** RFC 8445 §5.1.2.1: (2^24)*type preference + (2^8)*local preference + (256 - component). */
    public static long priority(int typePreference, int localPreference, int component) {
        return ((long) typePreference << 24) + ((long) localPreference << 8) + (256 - component);
    }

    public boolean isUdp() {
        return "udp".equals(transport);
    }

    /** The address to send checks to, or null when the candidate names a host or a bad port (no DNS is asked). */
    public InetSocketAddress socketAddress() {
        return IpLiteral.socketAddress(address, port);
    }

    /** The attribute value, without {@code candidate:} prefix handling by callers. */
    public String toSdp() {
        return "candidate:" + foundation + " " + component + " " + transport.toUpperCase(Locale.ROOT) + " " + priority
                + " " + address + " " + port + " typ " + type + (extensions.isEmpty() ? "" : " " + extensions);
    }
}
