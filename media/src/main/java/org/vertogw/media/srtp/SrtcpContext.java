package org.vertogw.media.srtp;

import org.vertogw.media.rtp.PacketBuffer;
import org.vertogw.media.rtp.RtcpHeader;

/**
 * The SRTCP cryptographic context of one direction (RFC 3711 §3.4): a 31-bit SRTCP index per sender SSRC, always
 * encrypting (E = 1) when protecting, a replay window per SSRC when unprotecting. Confined to one thread.
 */
public final class SrtcpContext {

    private final SrtpTransform transform;
    private final SrtpStreams streams = new SrtpStreams();

    SrtcpContext(SrtpTransform transform) {
        this.transform = transform;
    }

    public static SrtcpContext of(SrtpMasterKey master) {
        return new SrtcpContext(SrtpTransform.of(master, true));
    }

    public SrtpStatus protect(PacketBuffer p) {
        byte[] b = p.array();
        int len = p.length();
        if (!RtcpHeader.isValid(b, 0, len)) {
            return SrtpStatus.MALFORMED;
        }
        if (len + transform.rtcpTrailer() > p.capacity()) {
            return SrtpStatus.TOO_LARGE;
        }
        int ssrc = RtcpHeader.senderSsrc(b, 0);
        SrtpStream s = streams.get(ssrc);
        if (s == null) {
            return SrtpStatus.TOO_MANY_STREAMS;
        }
        s.rtcpIndex = (s.rtcpIndex + 1) & 0x7FFFFFFF;
        p.setLength(transform.protectRtcp(b, len, ssrc, s.rtcpIndex));
        return SrtpStatus.OK;
    }

    public SrtpStatus unprotect(PacketBuffer p) {
        byte[] b = p.array();
        int len = p.length();
        if (len < RtcpHeader.LENGTH + transform.rtcpTrailer() || RtcpHeader.version(b, 0) != 2) {
            return SrtpStatus.MALFORMED;
        }
        int ssrc = RtcpHeader.senderSsrc(b, 0);
        int word = transform.rtcpIndexWord(b, len);
        long index = word & 0x7FFFFFFFL;
        SrtpStream s = streams.find(ssrc);
        if (s != null) {
            SrtpStatus replay = s.replay.check(index);
            if (replay != SrtpStatus.OK) {
                return replay;
            }
        }
        int plain = transform.unprotectRtcp(b, len, ssrc, word);
        if (plain < 0) {
            return SrtpStatus.AUTH_FAILED;
        }
        if (s == null) {
            s = streams.get(ssrc);
            if (s == null) {
                return SrtpStatus.TOO_MANY_STREAMS;
            }
        }
        s.replay.accept(index);
        p.setLength(plain);
        return SrtpStatus.OK;
    }
}
