package org.vertogw.media.srtp;

/**
 * The per-profile packet transform under one set of session keys. Packets start at index 0 of the array; the
 * contexts have already validated headers, found the index and checked the replay window.
 */
interface SrtpTransform {

    /**
     * The transform of the master key's profile, keyed for RTP or for RTCP (RFC 3711 §4.3: the two derive
     * different session keys from one master key).
     */
    static SrtpTransform of(SrtpMasterKey master, boolean rtcp) {
        return master.profile().isAead() ? new AesGcmTransform(master, rtcp) : new AesCmHmacSha1Transform(master, rtcp);
    }

    /** Bytes SRTP appends to an RTP packet. */
    int rtpTrailer();

    /** Bytes SRTCP appends to an RTCP packet (tag and E||index). */
    int rtcpTrailer();

    /** Encrypts the payload of {@code b[0..len)} in place and writes the tag at {@code b[len..)}. */
    void protectRtp(byte[] b, int len, int headerLength, int ssrc, long index);

    /** Authenticates {@code b[0..len)} against the tag at {@code b[len..)}, then decrypts; false if it fails. */
    boolean unprotectRtp(byte[] b, int len, int headerLength, int ssrc, long index);

    /** Encrypts {@code b[8..len)}, appends tag and E||index in the profile's order; returns the new length. */
    int protectRtcp(byte[] b, int len, int ssrc, int index);

    /** Reads E||index from a protected RTCP packet of {@code len} bytes (which must be at least 8 + trailer). */
    int rtcpIndexWord(byte[] b, int len);

    /** Authenticates and (when E is set) decrypts; returns the RTCP length, or -1 when authentication fails. */
    int unprotectRtcp(byte[] b, int len, int ssrc, int indexWord);
}
