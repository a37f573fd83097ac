package org.vertogw.media.rtcp;

import org.vertogw.media.rtp.Bytes;
import org.vertogw.media.rtp.RtcpHeader;

/**
 * Walks a decrypted compound RTCP packet (RFC 3550 §6.1; also a reduced-size one, RFC 5506) by its length fields
 * and hands sender reports (PT 200, §6.4.1) and the report blocks of sender and receiver reports (PT 201, §6.4.2)
 * to a {@link RtcpListener}. Every other packet type (SDES, BYE, APP, feedback) is stepped over. Sans-I/O, no
 * allocation, no exception: a packet whose header or lengths do not add up ends the walk where it starts.
 */
public final class RtcpCompound {

    static final int SR = RtcpHeader.SENDER_REPORT;
    static final int RR = RtcpHeader.RECEIVER_REPORT;

    /** Fixed part of an SR: header, SSRC, NTP (8), RTP timestamp, packet and octet counts (§6.4.1). */
    static final int SR_FIXED = 28;
    /** Fixed part of an RR: header and reporter SSRC (§6.4.2). */
    static final int RR_FIXED = 8;

    private RtcpCompound() {}

    /** What a walk found. */
    public enum Outcome {
        /** Every packet of the compound was well formed. */
        OK,
        /** A packet's version, length or report count did not fit: the rest was skipped. */
        MALFORMED
    }

    /** Walks {@code b[0..len)}. */
    public static Outcome walk(byte[] b, int len, RtcpListener listener) {
        int off = 0;
        while (off + 4 <= len) {
            int first = b[off] & 0xFF;
            if (first >>> 6 != 2) {
                return Outcome.MALFORMED;
            }
            int count = first & 0x1F;
            int type = b[off + 1] & 0xFF;
            int size = (Bytes.readShort(b, off + 2) + 1) * 4;
            if (off + size > len) {
                return Outcome.MALFORMED;
            }
            if (type == SR || type == RR) {
                int fixed = type == SR ? SR_FIXED : RR_FIXED;
                if (size < fixed + count * ReceptionReport.SIZE) {
                    return Outcome.MALFORMED;
                }
                long ssrc = Bytes.readInt(b, off + 4) & 0xFFFFFFFFL;
                if (type == SR) {
                    listener.senderReport(ssrc, Bytes.readInt(b, off + 10));
                }
                for (int i = 0; i < count; i++) {
                    listener.receptionReport(ssrc, b, off + fixed + i * ReceptionReport.SIZE);
                }
            }
            off += size;
        }
        return off == len ? Outcome.OK : Outcome.MALFORMED;
    }
}
