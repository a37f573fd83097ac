package org.vertogw.media.sdp;

import java.util.List;

/**
 * The transport a peer describes for one media section (ICE credentials and candidates, RFC 8839; DTLS
 * fingerprint and setup, RFC 8122 / RFC 4145), with session-level values as fall-back.
 */
public record RemoteTransport(
        String iceUfrag,
        String icePwd,
        List<String> candidates,
        String fingerprint,
        String setup,
        boolean rtcpMux,
        boolean iceLite) {

    public static RemoteTransport of(SessionDescription sdp, int index) throws SdpException {
        MediaDescription m = sdp.media().get(index);
        String where = "m-line " + index + " (" + m.media() + ")";
        String ufrag = sdp.attribute(m, "ice-ufrag");
        String pwd = sdp.attribute(m, "ice-pwd");
        if (ufrag == null || pwd == null || ufrag.isEmpty() || pwd.isEmpty()) {
            throw new SdpException(where + ": a=ice-ufrag and a=ice-pwd are required (WebRTC needs ICE)");
        }
        String fingerprint = sdp.attribute(m, "fingerprint");
        if (fingerprint == null || fingerprint.isEmpty()) {
            throw new SdpException(where + ": a=fingerprint is required (DTLS-SRTP only; SDES is not relayed)");
        }
        String setup = sdp.attribute(m, "setup");
        List<String> candidates = m.attributes("candidate");
        if (candidates.isEmpty()) {
            candidates = sdp.attributes("candidate");
        }
        return new RemoteTransport(
                ufrag,
                pwd,
                candidates,
                fingerprint,
                setup == null ? "actpass" : setup,
                m.hasAttribute("rtcp-mux"),
                sdp.hasAttribute("ice-lite"));
    }
}
