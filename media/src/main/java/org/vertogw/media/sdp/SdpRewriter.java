package org.vertogw.media.sdp;

import java.util.List;

/**
 * Makes the SDP one side sees from the SDP the other side sent: every media section keeps its codecs, payload
 * types, formats, SSRCs, extensions and direction, and gets the gateway's transport instead of the peer's (ICE,
 * candidate, fingerprint, setup, connection address, port, rtcp-mux). Session-level transport attributes and
 * BUNDLE groups are dropped: FreeSWITCH never bundles (docs/protocol.md §6.1), so each m-line keeps its own
 * transport on both sides. The output is complete (no trickle): {@code a=end-of-candidates} ends each section.
 * <p>
 * Everything else a video call negotiates passes through unchanged: RTX payload types and their {@code apt},
 * {@code a=ssrc-group:FID}, {@code a=rtcp-fb} (nack, nack pli, ccm fir, goog-remb, transport-cc) and
 * {@code a=extmap} with their ids, so that the packets and the feedback the relay forwards untouched mean the same
 * on both sides. Simulcast is refused on the way to the island: {@code a=simulcast} and {@code a=rid} are dropped
 * (FreeSWITCH takes one stream per m-line), so the island's answer has none and the browser sends one encoding
 * (RFC 8853 §5.3: an answer without {@code a=simulcast} declines it).
 */
public final class SdpRewriter {

    private static final String[] TRANSPORT_ATTRIBUTES = {
        "candidate",
        "end-of-candidates",
        "ice-ufrag",
        "ice-pwd",
        "ice-options",
        "ice-lite",
        "fingerprint",
        "setup",
        "rtcp",
        "rtcp-mux",
        "rtcp-mux-only",
        "crypto",
        "remote-candidates",
        "ice-pacing",
        "tls-id"
    };

    /** RFC 8853 §5.1 and RFC 8851 §4: what offers simulcast; not written toward the island. */
    private static final String[] SIMULCAST_ATTRIBUTES = {"simulcast", "rid"};

    private SdpRewriter() {}

    /**
     * @param transports one per media section; null rejects that section (port 0, RFC 3264 §6)
     * @param iceLite whether to declare {@code a=ice-lite} (toward browsers); without it (toward the island)
     *     simulcast is dropped
     */
    public static SessionDescription rewrite(
            SessionDescription source, List<LocalTransport> transports, boolean iceLite) {
        SessionDescription out = source.copy();
        if (transports.size() != out.media().size()) {
            throw new IllegalArgumentException(
                    transports.size() + " transports for " + out.media().size() + " m-lines");
        }
        for (String a : TRANSPORT_ATTRIBUTES) {
            out.removeAttributes(a);
        }
        out.removeAttributes("group");
        String address = null;
        for (LocalTransport t : transports) {
            if (t != null) {
                address = t.address();
                break;
            }
        }
        if (address != null && out.line('c') != null) {
            out.setConnection(connection(address));
        }
        if (iceLite) {
            out.addAttribute("ice-lite", null);
        }
        for (int i = 0; i < transports.size(); i++) {
            MediaDescription m = out.media().get(i);
            LocalTransport t = transports.get(i);
            for (String a : TRANSPORT_ATTRIBUTES) {
                m.removeAttributes(a);
            }
            if (!iceLite) {
                for (String a : SIMULCAST_ATTRIBUTES) {
                    m.removeAttributes(a);
                }
            }
            if (t == null) {
                m.setPort(0);
                continue;
            }
            m.setPort(t.port());
            m.setConnection(connection(t.address()));
            m.addAttribute("ice-ufrag", t.iceUfrag());
            m.addAttribute("ice-pwd", t.icePwd());
            m.addAttribute("fingerprint", t.fingerprint());
            m.addAttribute("setup", t.setup());
            m.addAttribute("rtcp-mux", null);
            for (String c : t.candidates()) {
                m.addAttribute("candidate", c.startsWith("candidate:") ? c.substring("candidate:".length()) : c);
            }
            m.addAttribute("end-of-candidates", null);
        }
        return out;
    }

    static String connection(String address) {
        return (address.contains(":") ? "IN IP6 " : "IN IP4 ") + address;
    }
}
