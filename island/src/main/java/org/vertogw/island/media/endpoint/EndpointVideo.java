package org.vertogw.island.media.endpoint;

import org.vertogw.media.rtp.PayloadSpecificFeedback;
import org.vertogw.media.sdp.MediaDescription;
import org.vertogw.media.sdp.SessionDescription;

/**
 * What an endpoint knows about the video it negotiated and receives: which section carries video, under which
 * payload type, and per section the SSRC of the last RTP packet received, which a PLI names as its media source
 * (RFC 4585 §6.3.1). Written on the media thread; the index and payload type are readable from any thread.
 */
final class EndpointVideo {

    private final byte[] pli = new byte[PayloadSpecificFeedback.PLI_LENGTH];
    private int[] remoteSsrcs = new int[0];
    private volatile int index = -1;
    private volatile int payloadType = -1;

    /** A negotiation of {@code sdp} (our offer or answer) with this many sections. */
    void negotiated(SessionDescription sdp) {
        remoteSsrcs = java.util.Arrays.copyOf(remoteSsrcs, sdp.media().size());
        for (int i = 0; i < sdp.media().size(); i++) {
            MediaDescription m = sdp.media().get(i);
            if (m.media().equals("video") && !m.isRejected() && index < 0) {
                index = i;
                payloadType = Integer.parseInt(m.formats().get(0));
            }
        }
    }

    void rejected(int section) {
        if (section == index) {
            index = -1;
            payloadType = -1;
        }
    }

    void received(int section, int ssrc) {
        if (section < remoteSsrcs.length) {
            remoteSsrcs[section] = ssrc;
        }
    }

    int index() {
        return index;
    }

    int payloadType() {
        return payloadType;
    }

    /** A PLI naming the last SSRC received on {@code section}, in a reused buffer; null before any RTP came. */
    byte[] pli(int section) {
        if (section < 0 || section >= remoteSsrcs.length || remoteSsrcs[section] == 0) {
            return null;
        }
        PayloadSpecificFeedback.writePli(pli, 0, 0, remoteSsrcs[section]);
        return pli;
    }
}
