package org.vertogw.media.srtp;

import org.vertogw.media.rtp.PacketBuffer;
import org.vertogw.media.rtp.RtpHeader;

/**
 * The SRTP cryptographic context of one direction (RFC 3711 §3.2): session keys derived once, per-SSRC rollover
 * counters and replay windows. Confined to one thread; allocation-free per packet once an SSRC has been seen.
 */
public final class SrtpContext {

    private final SrtpTransform transform;
    private final SrtpStreams streams = new SrtpStreams();
    private final SrtpStream probe = new SrtpStream(0);

    SrtpContext(SrtpTransform transform) {
        this.transform = transform;
    }

    public static SrtpContext of(SrtpMasterKey master) {
        return new SrtpContext(SrtpTransform.of(master, false));
    }

    /** Encrypts and tags the RTP packet in place (RFC 3711 §3.3); the length grows by the tag. */
    public SrtpStatus protect(PacketBuffer p) {
        byte[] b = p.array();
        int len = p.length();
        int header = RtpHeader.headerLength(b, 0, len);
        if (header < 0) {
            return SrtpStatus.MALFORMED;
        }
        if (len + transform.rtpTrailer() > p.capacity()) {
            return SrtpStatus.TOO_LARGE;
        }
        int ssrc = RtpHeader.ssrc(b, 0);
        SrtpStream s = streams.get(ssrc);
        if (s == null) {
            return SrtpStatus.TOO_MANY_STREAMS;
        }
        long index = s.estimateIndex(RtpHeader.sequenceNumber(b, 0));
        if (index < 0) {
            return SrtpStatus.TOO_OLD;
        }
        s.commit(index);
        transform.protectRtp(b, len, header, ssrc, index);
        p.setLength(len + transform.rtpTrailer());
        return SrtpStatus.OK;
    }

    /**
     * Authenticates, replay-checks and decrypts in place (RFC 3711 §3.3, receiver steps 1-6); the length shrinks by
     * the tag. A stream is created only once a packet of its SSRC has authenticated, so forged SSRCs cannot fill
     * the table.
     */
    public SrtpStatus unprotect(PacketBuffer p) {
        byte[] b = p.array();
        int len = p.length() - transform.rtpTrailer();
        int header = len < RtpHeader.FIXED_LENGTH ? -1 : RtpHeader.headerLength(b, 0, len);
        if (header < 0) {
            return SrtpStatus.MALFORMED;
        }
        int ssrc = RtpHeader.ssrc(b, 0);
        SrtpStream s = streams.find(ssrc);
        SrtpStream state = s != null ? s : probe.reset();
        long index = state.estimateIndex(RtpHeader.sequenceNumber(b, 0));
        SrtpStatus replay = state.replay.check(index);
        if (replay != SrtpStatus.OK) {
            return replay;
        }
        if (!transform.unprotectRtp(b, len, header, ssrc, index)) {
            return SrtpStatus.AUTH_FAILED;
        }
        if (s == null) {
            s = streams.get(ssrc);
            if (s == null) {
                return SrtpStatus.TOO_MANY_STREAMS;
            }
        }
        s.replay.accept(index);
        s.commit(index);
        p.setLength(len);
        return SrtpStatus.OK;
    }

    /** The rollover counter of an SSRC, or -1 if unseen (for tests and diagnostics). */
    public int rolloverCounter(int ssrc) {
        SrtpStream s = streams.find(ssrc);
        return s == null ? -1 : s.roc();
    }
}
