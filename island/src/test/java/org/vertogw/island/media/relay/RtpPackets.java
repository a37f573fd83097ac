package org.vertogw.island.media.relay;

import org.vertogw.media.rtp.Bytes;
import org.vertogw.media.rtp.RtpHeader;

/** Plain RTP test packets: 12-byte header and a 160-byte payload whose bytes encode the sequence number. */
final class RtpPackets {

    private RtpPackets() {}

    static byte[] rtp(int ssrc, int seq) {
        byte[] b = new byte[172];
        b[0] = (byte) 0x80;
        b[1] = 0;
        RtpHeader.setSequenceNumber(b, 0, seq);
        Bytes.writeInt(b, 4, seq * 160);
        RtpHeader.setSsrc(b, 0, ssrc);
        for (int i = 12; i < b.length; i++) {
            b[i] = (byte) (seq + i);
        }
        return b;
    }

    /** A compound RTCP packet: an SR without blocks, then an RR with one block about {@code source}. */
    static byte[] senderAndReceiverReport(int source) {
        byte[] b = new byte[60];
        b[0] = (byte) 0x80;
        b[1] = (byte) 200;
        Bytes.writeShort(b, 2, 6);
        Bytes.writeInt(b, 8, 0xE94AB705);
        Bytes.writeInt(b, 12, 0x2000C49B);
        b[28] = (byte) 0x81;
        b[29] = (byte) 201;
        Bytes.writeShort(b, 30, 7);
        Bytes.writeInt(b, 36, source);
        Bytes.writeInt(b, 40, 0x08000003); // 8/256 lost, 3 in all
        Bytes.writeInt(b, 48, 480); // jitter
        Bytes.writeInt(b, 52, 0xB7052000); // LSR of an SR never relayed toward the browser: no round trip
        return b;
    }

    static boolean payloadMatches(byte[] b, int off, int len) {
        if (len != 172) {
            return false;
        }
        int seq = RtpHeader.sequenceNumber(b, off);
        for (int i = 12; i < len; i++) {
            if (b[off + i] != (byte) (seq + i)) {
                return false;
            }
        }
        return true;
    }
}
