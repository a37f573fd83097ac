package org.vertogw.testing.webrtc;

import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The candidate lines libwebrtc may hand to the gateway: UDP IPv4 host candidates only (the relay listens on
 * 127.0.0.1 over UDP), either pointed at 127.0.0.1 where libwebrtc's any-address sockets also listen
 * (adapter enumeration off), or left at the adapter address libwebrtc bound (a veth in a private namespace). Everything else in the SDP stays as
 * libwebrtc wrote it.
 */
public final class HostCandidates {

    private HostCandidates() {}

    /** Keeps UDP IPv4 candidates, with their address rewritten to 127.0.0.1. */
    public static String onLoopback(String sdp) {
        return filter(sdp, f -> {
            f[4] = "127.0.0.1";
            return f;
        });
    }

    /** Keeps UDP IPv4 candidates as they are. */
    public static String ipv4Udp(String sdp) {
        return filter(sdp, UnaryOperator.identity());
    }

    /** Whether the SDP has a UDP IPv4 candidate whose address is not the any-address. */
    public static boolean hasIpv4Udp(String sdp) {
        for (String line : sdp.split("\r\n")) {
            String[] f = line.split(" ");
            if (isIpv4Udp(f) && !"0.0.0.0".equals(f[4])) {
                return true;
            }
        }
        return false;
    }

    /** Whether the SDP has a TCP candidate (libwebrtc's active ones, RFC 6544 §4.5). */
    public static boolean hasTcp(String sdp) {
        for (String line : sdp.split("\r\n")) {
            String[] f = line.split(" ");
            if (f.length >= 8 && f[0].startsWith("a=candidate:") && "tcp".equalsIgnoreCase(f[2])) {
                return true;
            }
        }
        return false;
    }

    /** The candidate lines, for logs. */
    public static List<String> lines(String sdp) {
        return Arrays.stream(sdp.split("\r\n"))
                .filter(l -> l.startsWith("a=candidate:"))
                .toList();
    }

    /** @throws IllegalArgumentException when no UDP IPv4 candidate is left */
    private static String filter(String sdp, UnaryOperator<String[]> rewrite) {
        StringBuilder out = new StringBuilder(sdp.length());
        int kept = 0;
        for (String line : sdp.split("\r\n")) {
            if (line.startsWith("a=candidate:")) {
                String[] f = line.split(" ");
                if (!isIpv4Udp(f)) {
                    continue;
                }
                line = String.join(" ", rewrite.apply(f));
                kept++;
            }
            out.append(line).append("\r\n");
        }
        if (kept == 0) {
            throw new IllegalArgumentException("no UDP IPv4 candidate in the local description:\n" + sdp);
        }
        return out.toString();
    }

    /** RFC 8839 §5.1: a=candidate:foundation component transport priority address port typ type ... */
    private static boolean isIpv4Udp(String[] f) {
        return f.length >= 8
                && f[0].startsWith("a=candidate:")
                && "udp".equalsIgnoreCase(f[2])
                && !f[4].contains(":")
                && !f[4].endsWith(".local");
    }
}
