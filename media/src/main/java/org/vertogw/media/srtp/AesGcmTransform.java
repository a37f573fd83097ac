package org.vertogw.media.srtp;

import org.vertogw.media.rtp.Bytes;

/**
 * AEAD_AES_128_GCM (RFC 7714). SRTP (§8): IV = (00 00 || SSRC || ROC || SEQ) XOR salt, AAD = the RTP header with
 * CSRCs and extension, tag appended. SRTCP (§9): IV = (00 00 || SSRC || 00 00 || 0 || index) XOR salt, AAD = the
 * first 8 bytes || E||index, and the packet ends ciphertext | tag | E||index. With E clear (§9.2, §17.3) the whole
 * packet is authenticated only.
 */
final class AesGcmTransform implements SrtpTransform {

    private static final int TAG = AesGcm.TAG_LENGTH;

    private final AesGcm gcm;
    private final byte[] salt;

    AesGcmTransform(SrtpMasterKey master, boolean rtcp) {
        byte[] mk = master.key();
        byte[] ms = master.salt();
        int base = rtcp ? SrtpKeyDerivation.LABEL_RTCP_ENCRYPTION : SrtpKeyDerivation.LABEL_RTP_ENCRYPTION;
        this.gcm = new AesGcm(SrtpKeyDerivation.derive(mk, ms, base, 16));
        this.salt = SrtpKeyDerivation.derive(mk, ms, base + 2, 12);
    }

    /** For RFC 7714 §16-17 vectors, which are given in session keys. */
    AesGcmTransform(byte[] sessionKey, byte[] sessionSalt) {
        this.gcm = new AesGcm(sessionKey);
        this.salt = sessionSalt.clone();
    }

    @Override
    public int rtpTrailer() {
        return TAG;
    }

    @Override
    public int rtcpTrailer() {
        return TAG + 4;
    }

    /** The IV in the thread's scratch (RFC 7714 §8.1). */
    private byte[] rtpIv(SrtpScratch x, int ssrc, long index) {
        byte[] iv = x.iv;
        System.arraycopy(salt, 0, iv, 0, 12);
        Bytes.writeInt(iv, 2, Bytes.readInt(iv, 2) ^ ssrc);
        Bytes.writeShort(iv, 6, Bytes.readShort(iv, 6) ^ (int) (index >>> 32));
        Bytes.writeInt(iv, 8, Bytes.readInt(iv, 8) ^ (int) index);
        return iv;
    }

    /** The SRTCP IV in the thread's scratch (RFC 7714 §9.1). */
    private byte[] rtcpIv(SrtpScratch x, int ssrc, int index) {
        byte[] iv = x.iv;
        System.arraycopy(salt, 0, iv, 0, 12);
        Bytes.writeInt(iv, 2, Bytes.readInt(iv, 2) ^ ssrc);
        Bytes.writeInt(iv, 8, Bytes.readInt(iv, 8) ^ (index & 0x7FFFFFFF));
        return iv;
    }

    @Override
    public void protectRtp(byte[] b, int len, int headerLength, int ssrc, long index) {
        SrtpScratch x = SrtpScratch.current();
        gcm.seal(x, rtpIv(x, ssrc, index), b, 0, headerLength, b, headerLength, len - headerLength, b, len);
    }

    @Override
    public boolean unprotectRtp(byte[] b, int len, int headerLength, int ssrc, long index) {
        SrtpScratch x = SrtpScratch.current();
        return gcm.open(x, rtpIv(x, ssrc, index), b, 0, headerLength, b, headerLength, len - headerLength, b, len);
    }

    @Override
    public int protectRtcp(byte[] b, int len, int ssrc, int index) {
        int word = 0x80000000 | index;
        SrtpScratch x = SrtpScratch.current();
        byte[] iv = rtcpIv(x, ssrc, index);
        byte[] aad = x.aad;
        System.arraycopy(b, 0, aad, 0, 8);
        Bytes.writeInt(aad, 8, word);
        gcm.seal(x, iv, aad, 0, 12, b, 8, len - 8, b, len);
        Bytes.writeInt(b, len + TAG, word);
        return len + TAG + 4;
    }

    @Override
    public int rtcpIndexWord(byte[] b, int len) {
        return Bytes.readInt(b, len - 4);
    }

    @Override
    public int unprotectRtcp(byte[] b, int len, int ssrc, int indexWord) {
        int tagAt = len - 4 - TAG;
        SrtpScratch x = SrtpScratch.current();
        byte[] iv = rtcpIv(x, ssrc, indexWord);
        if (indexWord < 0) {
            byte[] aad = x.aad;
            System.arraycopy(b, 0, aad, 0, 8);
            Bytes.writeInt(aad, 8, indexWord);
            return gcm.open(x, iv, aad, 0, 12, b, 8, tagAt - 8, b, tagAt) ? tagAt : -1;
        }
        byte[] tag = x.tag;
        System.arraycopy(b, tagAt, tag, 0, TAG);
        Bytes.writeInt(b, tagAt, indexWord);
        boolean ok = gcm.open(x, iv, b, 0, tagAt + 4, b, tagAt + 4, 0, tag, 0);
        if (!ok) {
            System.arraycopy(tag, 0, b, tagAt, TAG);
            return -1;
        }
        return tagAt;
    }
}
