package org.vertogw.media.rtcp;

import org.vertogw.media.rtp.Bytes;

/**
 * The fields of one reception report block (RFC 3550 §6.4.1), read in place from the packet:
 * <pre>
 *  0                   1                   2                   3
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                 SSRC_1 (SSRC of first source)                 | 0
 * | fraction lost |       cumulative number of packets lost       | 4
 * |           extended highest sequence number received           | 8
 * |                      interarrival jitter                      | 12
 * |                         last SR (LSR)                         | 16
 * |                   delay since last SR (DLSR)                  | 20
 * </pre>
 */
public final class ReceptionReport {

    public static final int SIZE = 24;

    private ReceptionReport() {}

    /** The SSRC of the source the block reports on. */
    public static long sourceSsrc(byte[] b, int off) {
        return Bytes.readInt(b, off) & 0xFFFFFFFFL;
    }

    /** Fraction of packets lost since the previous report, as a fixed point number with the point at the left (n/256). */
    public static int fractionLost(byte[] b, int off) {
        return b[off + 4] & 0xFF;
    }

    /** Packets lost since reception began: a signed 24-bit number (duplicates can make it negative). */
    public static int cumulativeLost(byte[] b, int off) {
        int v = ((b[off + 5] & 0xFF) << 16) | ((b[off + 6] & 0xFF) << 8) | (b[off + 7] & 0xFF);
        return (v << 8) >> 8;
    }

    public static long extendedHighestSequence(byte[] b, int off) {
        return Bytes.readInt(b, off + 8) & 0xFFFFFFFFL;
    }

    /** Interarrival jitter in timestamp units of the reported stream (§6.4.1, A.8). */
    public static long jitter(byte[] b, int off) {
        return Bytes.readInt(b, off + 12) & 0xFFFFFFFFL;
    }

    /** The middle 32 bits of the NTP timestamp of the last SR received from the source; 0 when none yet. */
    public static int lastSenderReport(byte[] b, int off) {
        return Bytes.readInt(b, off + 16);
    }

    /** Delay between receiving that SR and sending this block, in units of 1/65536 s; 0 without an SR. */
    public static int delaySinceLastSenderReport(byte[] b, int off) {
        return Bytes.readInt(b, off + 20);
    }
}
