package org.vertogw.media.demux;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** RFC 7983 first-byte ranges, RFC 5761 RTP/RTCP split, and short or foreign datagrams. */
class PacketClassifierTest {

    private static PacketKind first(int b, int len) {
        byte[] p = new byte[Math.max(len, 2)];
        p[0] = (byte) b;
        return PacketClassifier.classify(p, 0, len);
    }

    @Test
    void rfc7983RangesMapToTheirProtocols() {
        assertThat(first(0, 20)).isEqualTo(PacketKind.STUN);
        assertThat(first(3, 20)).isEqualTo(PacketKind.STUN);
        assertThat(first(16, 20)).isEqualTo(PacketKind.ZRTP);
        assertThat(first(20, 13)).isEqualTo(PacketKind.DTLS);
        assertThat(first(22, 13)).isEqualTo(PacketKind.DTLS);
        assertThat(first(63, 13)).isEqualTo(PacketKind.DTLS);
        assertThat(first(64, 4)).isEqualTo(PacketKind.TURN_CHANNEL);
        assertThat(first(0x80, 12)).isEqualTo(PacketKind.RTP);
        assertThat(first(191, 12)).isEqualTo(PacketKind.RTP);
    }

    @Test
    void bytesOutsideTheRangesAreUnknown() {
        for (int b : new int[] {4, 15, 80, 127, 192, 255}) {
            assertThat(first(b, 100)).as("first byte %d", b).isEqualTo(PacketKind.UNKNOWN);
        }
        assertThat(PacketClassifier.classify(new byte[0], 0, 0)).isEqualTo(PacketKind.UNKNOWN);
    }

    @Test
    void truncatedPacketsAreUnknown() {
        assertThat(first(0, 19)).isEqualTo(PacketKind.UNKNOWN);
        assertThat(first(22, 12)).isEqualTo(PacketKind.UNKNOWN);
        assertThat(first(0x80, 7)).isEqualTo(PacketKind.UNKNOWN);
    }

    @Test
    void rtcpPacketTypesAreToldApartFromRtpPayloadTypes() {
        byte[] p = new byte[12];
        p[0] = (byte) 0x80;
        for (int pt = 192; pt <= 223; pt++) {
            p[1] = (byte) pt;
            assertThat(PacketClassifier.classify(p, 0, 8)).as("type %d", pt).isEqualTo(PacketKind.RTCP);
        }
        p[1] = (byte) (0x80 | 111);
        assertThat(PacketClassifier.classify(p, 0, 12)).isEqualTo(PacketKind.RTP);
        p[1] = 0;
        assertThat(PacketClassifier.classify(p, 0, 12)).isEqualTo(PacketKind.RTP);
    }
}
