package org.vertogw.media.demux;

/**
 * Demultiplexes one UDP port by the first byte of each datagram (RFC 7983 §7, updating RFC 5764 §5.1.2):
 *
 * <pre>
 *                  +----------------+
 *                  |        [0..3] -+--&gt; STUN          (at least 20 bytes)
 *                  |      [16..19] -+--&gt; ZRTP
 *      packet --&gt;  |      [20..63] -+--&gt; DTLS          (at least 13 bytes: one record header)
 *                  |      [64..79] -+--&gt; TURN Channel
 *                  |    [128..191] -+--&gt; RTP/RTCP      (RTP at least 12 bytes, RTCP at least 8)
 *                  +----------------+
 * </pre>
 *
 * RTP and RTCP share the 128..191 range; with rtcp-mux they are told apart by the second byte (RFC 5761 §4): RTCP
 * packet types 192..223 occupy payload-type values 64..95 once the marker bit is masked. Pure and allocation-free.
 */
public final class PacketClassifier {

    private PacketClassifier() {}

    public static PacketKind classify(byte[] buf, int off, int len) {
        if (len < 1) {
            return PacketKind.UNKNOWN;
        }
        int b = buf[off] & 0xFF;
        if (b <= 3) {
            return len >= 20 ? PacketKind.STUN : PacketKind.UNKNOWN;
        }
        if (b >= 16 && b <= 19) {
            return PacketKind.ZRTP;
        }
        if (b >= 20 && b <= 63) {
            return len >= 13 ? PacketKind.DTLS : PacketKind.UNKNOWN;
        }
        if (b >= 64 && b <= 79) {
            return PacketKind.TURN_CHANNEL;
        }
        if (b >= 128 && b <= 191) {
            if (len < 8) {
                return PacketKind.UNKNOWN;
            }
            int pt = buf[off + 1] & 0x7F;
            if (pt >= 64 && pt <= 95) {
                return PacketKind.RTCP;
            }
            return len >= 12 ? PacketKind.RTP : PacketKind.UNKNOWN;
        }
        return PacketKind.UNKNOWN;
    }
}
