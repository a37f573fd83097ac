package org.vertogw.media.sdp;

import java.util.List;

/**
 * What the gateway advertises for one media section: its ICE credentials, its host candidates ({@code a=candidate}
 * values: the UDP one, and toward browsers the ICE-TCP passive one, RFC 6544 §4.5), its certificate fingerprint and
 * DTLS setup role, and the address and port.
 */
public record LocalTransport(
        String address,
        int port,
        String iceUfrag,
        String icePwd,
        List<String> candidates,
        String fingerprint,
        String setup) {

    public LocalTransport {
        candidates = List.copyOf(candidates);
    }

    /** With one candidate. */
    public LocalTransport(
            String address,
            int port,
            String iceUfrag,
            String icePwd,
            String candidate,
            String fingerprint,
            String setup) {
        this(address, port, iceUfrag, icePwd, List.of(candidate), fingerprint, setup);
    }
}
