package org.vertogw.media.rtp;

/** Allocation-free view of the common RTCP header (RFC 3550 §6.4): V, P, count, packet type, length, sender SSRC. */
public final class RtcpHeader {

    public static final int LENGTH = 8;
    public static final int SENDER_REPORT = 200;
    public static final int RECEIVER_REPORT = 201;

    private RtcpHeader() {}

    public static int version(byte[] b, int off) {
        return (b[off] & 0xC0) >>> 6;
    }

    public static int packetType(byte[] b, int off) {
        return b[off + 1] & 0xFF;
    }

    /** Length of the first packet in bytes, from its 32-bit-word length field. */
    public static int packetLength(byte[] b, int off) {
        return (((b[off + 2] & 0xFF) << 8 | (b[off + 3] & 0xFF)) + 1) * 4;
    }

    public static int senderSsrc(byte[] b, int off) {
        return Bytes.readInt(b, off + 4);
    }

    public static void setSenderSsrc(byte[] b, int off, int ssrc) {
        Bytes.writeInt(b, off + 4, ssrc);
    }

    /**
     * True when the datagram starts with a version-2 RTCP header. The length field is not enforced: SRTCP protects
     * whatever compound packet it is given (RFC 3711 §3.4), and the relay forwards it unchanged.
     */
    public static boolean isValid(byte[] b, int off, int len) {
        return len >= LENGTH && version(b, off) == 2;
    }
}
