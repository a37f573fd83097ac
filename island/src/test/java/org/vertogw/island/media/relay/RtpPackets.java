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
