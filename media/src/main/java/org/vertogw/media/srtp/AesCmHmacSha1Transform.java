package org.vertogw.media.srtp;

import org.vertogw.media.crypto.HmacSha1;
import org.vertogw.media.rtp.Bytes;

/**
 * AES_CM_128_HMAC_SHA1_80 (RFC 3711 §4.1.1, §4.2.1): AES in counter mode with IV = (k_s * 2^16) XOR (SSRC * 2^64)
 * XOR (i * 2^16), then HMAC-SHA1 over the packet and the ROC (SRTP) or over the packet and E||index (SRTCP, whose
 * index precedes the tag, §3.4), truncated to 80 bits.
 */
final class AesCmHmacSha1Transform implements SrtpTransform {

    private static final int TAG = 10;

    private final AesCtr ctr;
    private final HmacSha1 mac;
    private final byte[] salt;

    AesCmHmacSha1Transform(SrtpMasterKey master, boolean rtcp) {
        byte[] mk = master.key();
        byte[] ms = master.salt();
        int base = rtcp ? SrtpKeyDerivation.LABEL_RTCP_ENCRYPTION : SrtpKeyDerivation.LABEL_RTP_ENCRYPTION;
        this.ctr = AesCtr.forKey(SrtpKeyDerivation.derive(mk, ms, base, 16));
        this.mac = new HmacSha1(SrtpKeyDerivation.derive(mk, ms, base + 1, 20));
        this.salt = SrtpKeyDerivation.derive(mk, ms, base + 2, 14);
    }

    @Override
    public int rtpTrailer() {
        return TAG;
    }

    @Override
    public int rtcpTrailer() {
        return TAG + 4;
    }

    /** The IV in the thread's scratch (RFC 3711 §4.1.1). */
    private byte[] iv(SrtpScratch x, int ssrc, long index) {
        byte[] iv = x.iv;
        System.arraycopy(salt, 0, iv, 0, 14);
        iv[14] = 0;
        iv[15] = 0;
        Bytes.writeInt(iv, 4, Bytes.readInt(iv, 4) ^ ssrc);
        Bytes.writeLong(iv, 8, Bytes.readLong(iv, 8) ^ (index << 16));
        return iv;
    }

    @Override
    public void protectRtp(byte[] b, int len, int headerLength, int ssrc, long index) {
        SrtpScratch x = SrtpScratch.current();
        ctr.apply(iv(x, ssrc, index), b, headerLength, len - headerLength);
        authenticate(x, b, len, (int) (index >>> 16));
        System.arraycopy(x.digest, 0, b, len, TAG);
    }

    @Override
    public boolean unprotectRtp(byte[] b, int len, int headerLength, int ssrc, long index) {
        SrtpScratch x = SrtpScratch.current();
        authenticate(x, b, len, (int) (index >>> 16));
        if (!Bytes.constantTimeEquals(x.digest, 0, b, len, TAG)) {
            return false;
        }
        ctr.apply(iv(x, ssrc, index), b, headerLength, len - headerLength);
        return true;
    }

    /** RFC 3711 §4.2: M = packet || ROC for SRTP; the MAC goes to the scratch's digest. */
    private void authenticate(SrtpScratch x, byte[] b, int len, int roc) {
        mac.start();
        mac.update(b, 0, len);
        Bytes.writeInt(x.word, 0, roc);
        mac.update(x.word, 0, 4);
        mac.finish(x.digest, 0);
    }

    @Override
    public int protectRtcp(byte[] b, int len, int ssrc, int index) {
        SrtpScratch x = SrtpScratch.current();
        ctr.apply(iv(x, ssrc, index), b, 8, len - 8);
        Bytes.writeInt(b, len, 0x80000000 | index);
        mac.start();
        mac.update(b, 0, len + 4);
        mac.finish(x.digest, 0);
        System.arraycopy(x.digest, 0, b, len + 4, TAG);
        return len + 4 + TAG;
    }

    @Override
    public int rtcpIndexWord(byte[] b, int len) {
        return Bytes.readInt(b, len - TAG - 4);
    }

    @Override
    public int unprotectRtcp(byte[] b, int len, int ssrc, int indexWord) {
        SrtpScratch x = SrtpScratch.current();
        int authLen = len - TAG;
        mac.start();
        mac.update(b, 0, authLen);
        mac.finish(x.digest, 0);
        if (!Bytes.constantTimeEquals(x.digest, 0, b, authLen, TAG)) {
            return -1;
        }
        int plainLen = authLen - 4;
        if (indexWord < 0) {
            ctr.apply(iv(x, ssrc, indexWord & 0x7FFFFFFF), b, 8, plainLen - 8);
        }
        return plainLen;
    }
}
