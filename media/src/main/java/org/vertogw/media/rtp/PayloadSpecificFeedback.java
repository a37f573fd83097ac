package org.vertogw.media.rtp;

/**
 * Allocation-free reading and writing of the RTCP payload-specific feedback messages that ask a video sender for a
 * key frame: Picture Loss Indication (RFC 4585 §6.3.1, PT=PSFB 206, FMT=1, 12 bytes) and Full Intra Request
 * (RFC 5104 §4.3.1, FMT=4). A compound packet (RFC 3550 §6.1) is walked packet by packet, by its length fields.
 */
public final class PayloadSpecificFeedback {

    public static final int PSFB = 206;
    public static final int PLI = 1;
    public static final int FIR = 4;
    /** Size of a PLI: the common header, the sender SSRC and the media source SSRC. */
    public static final int PLI_LENGTH = 12;

    private PayloadSpecificFeedback() {}

    /** True when the (decrypted) compound RTCP packet holds a PLI or a FIR. */
    public static boolean requestsKeyFrame(byte[] b, int off, int len) {
        int end = off + len;
        int at = off;
        while (at + RtcpHeader.LENGTH <= end && RtcpHeader.version(b, at) == 2) {
            int fmt = b[at] & 0x1F;
            if (RtcpHeader.packetType(b, at) == PSFB && (fmt == PLI || fmt == FIR)) {
                return true;
            }
            at += RtcpHeader.packetLength(b, at);
        }
        return false;
    }

    /** Writes a PLI from {@code senderSsrc} about {@code mediaSsrc}; returns its length. */
    public static int writePli(byte[] b, int off, int senderSsrc, int mediaSsrc) {
        b[off] = (byte) (0x80 | PLI);
        b[off + 1] = (byte) PSFB;
        Bytes.writeShort(b, off + 2, PLI_LENGTH / 4 - 1);
        Bytes.writeInt(b, off + 4, senderSsrc);
        Bytes.writeInt(b, off + 8, mediaSsrc);
        return PLI_LENGTH;
    }
}
