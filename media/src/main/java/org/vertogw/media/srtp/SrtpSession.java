package org.vertogw.media.srtp;

import org.vertogw.media.rtp.PacketBuffer;

/**
 * The four contexts of one DTLS-SRTP transport: RTP and RTCP, outbound under our master key and inbound under the
 * peer's (RFC 5764 §4.2). Confined to the thread that owns the leg.
 */
public final class SrtpSession {

    private final SrtpProfile profile;
    private final SrtpContext outRtp;
    private final SrtcpContext outRtcp;
    private final SrtpContext inRtp;
    private final SrtcpContext inRtcp;

    public SrtpSession(SrtpKeyingMaterial keys) {
        this.profile = keys.profile();
        this.outRtp = SrtpContext.of(keys.local());
        this.outRtcp = SrtcpContext.of(keys.local());
        this.inRtp = SrtpContext.of(keys.remote());
        this.inRtcp = SrtcpContext.of(keys.remote());
    }

    public SrtpProfile profile() {
        return profile;
    }

    public SrtpStatus protectRtp(PacketBuffer p) {
        return outRtp.protect(p);
    }

    public SrtpStatus unprotectRtp(PacketBuffer p) {
        return inRtp.unprotect(p);
    }

    public SrtpStatus protectRtcp(PacketBuffer p) {
        return outRtcp.protect(p);
    }

    public SrtpStatus unprotectRtcp(PacketBuffer p) {
        return inRtcp.unprotect(p);
    }
}
