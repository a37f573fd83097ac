package org.vertogw.island.media.endpoint;

import org.vertogw.media.rtp.RtpHeader;

/**
 * Keeps one outgoing RTP stream continuous while its source changes, as a media server that sends under its own
 * SSRC must: when a bridged partner re-attaches with a new peer connection, its packets come with a new SSRC, a
 * new random sequence number and timestamp (RFC 3550 §5.1). The receiver of our stream must instead see the next
 * sequence number, a timestamp that moved on, and the marker bit set at the discontinuity (RFC 3551 §4.1);
 * otherwise its SRTP index estimate (RFC 3711 §3.3.1) and jitter buffer take the jump for loss or replay.
 * One per media section; media thread only; no allocation.
 */
final class RtpRestamper {

    /** Timestamp units a source change advances: 20 ms at the 48 kHz RTP clock WebRTC audio uses. */
    static final long GAP = 960;

    private boolean started;
    private int source;
    private int seqOffset;
    private long tsOffset;
    private int lastSeq;
    private long lastTs;

    /** Rewrites the sequence number and timestamp of the RTP packet at {@code off} in place. */
    void apply(byte[] b, int off) {
        int ssrc = RtpHeader.ssrc(b, off);
        int seq = RtpHeader.sequenceNumber(b, off);
        long ts = RtpHeader.timestamp(b, off);
        if (!started) {
            started = true;
            source = ssrc;
        } else if (ssrc != source) {
            source = ssrc;
            seqOffset = (lastSeq + 1 - seq) & 0xFFFF;
            tsOffset = (lastTs + GAP - ts) & 0xFFFFFFFFL;
            RtpHeader.setMarker(b, off, true);
        }
        lastSeq = (seq + seqOffset) & 0xFFFF;
        lastTs = (ts + tsOffset) & 0xFFFFFFFFL;
        RtpHeader.setSequenceNumber(b, off, lastSeq);
        RtpHeader.setTimestamp(b, off, lastTs);
    }
}
