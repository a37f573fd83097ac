package org.vertogw.island.media.endpoint;

import org.vertogw.media.rtp.PayloadSpecificFeedback;

/**
 * How an endpoint's media reaches another endpoint, as FreeSWITCH bridges two channels: RTP goes out on the target
 * section by section (under the target's SSRC), and a PLI or FIR received (RFC 4585 §6.3.1, RFC 5104 §4.3.1)
 * becomes a PLI to whoever sends the target its video, so a key frame reaches the receiver within a round trip.
 * Other RTCP (reports, NACK, REMB, transport-cc) stays with the endpoint that received it: each leg is its own
 * RTP session.
 */
public final class MediaForwarding {

    private MediaForwarding() {}

    /** A sink for a source endpoint that forwards into {@code target}. */
    public static RtpSink to(WebRtcEndpoint target) {
        return (i, rtcp, buf, o, l) -> {
            if (!rtcp) {
                target.sendRtp(i, buf, o, l);
            } else if (PayloadSpecificFeedback.requestsKeyFrame(buf, o, l)) {
                target.requestKeyFrame(i);
            }
        };
    }
}
