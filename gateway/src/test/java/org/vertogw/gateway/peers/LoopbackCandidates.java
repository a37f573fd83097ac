package org.vertogw.gateway.peers;

/**
 * libwebrtc never gathers on the loopback adapter. With adapter enumeration off it binds the any-address and
 * advertises the default route's address (or none inside a private network namespace), so the SDP it hands to the
 * gateway keeps only its UDP IPv4 host candidates, pointed at 127.0.0.1 where its sockets also listen
 * (environment.md §3a). Everything else in the SDP is left as libwebrtc wrote it.
 */
public final class LoopbackCandidates {

    private LoopbackCandidates() {
    }

    /** @throws IllegalArgumentException when the SDP has no UDP IPv4 candidate to rewrite */
    public static String rewrite(String sdp) {
        StringBuilder out = new StringBuilder(sdp.length());
        int kept = 0;
        for (String line : sdp.split("\r\n")) {
            if (line.startsWith("a=candidate:")) {
                // RFC 8839 §5.1: foundation component transport priority address port "typ" type ...
                String[] f = line.split(" ");
                if (f.length < 8 || !"udp".equalsIgnoreCase(f[2]) || f[4].contains(":")) {
                    continue;
                }
                f[4] = "127.0.0.1";
                line = String.join(" ", f);
                kept++;
            }
            out.append(line).append("\r\n");
        }
        if (kept == 0) {
            throw new IllegalArgumentException("no UDP IPv4 candidate in the local description:\n" + sdp);
        }
        return out.toString();
    }
}
