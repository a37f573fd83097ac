package org.vertogw.island.media.endpoint;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.vertogw.media.rtp.RtpHeader;

class RtpRestamperTest {

    private static byte[] packet(int ssrc, int seq, long ts) {
        byte[] b = new byte[20];
        b[0] = (byte) 0x80;
        b[1] = 111;
        RtpHeader.setSsrc(b, 0, ssrc);
        RtpHeader.setSequenceNumber(b, 0, seq);
        RtpHeader.setTimestamp(b, 0, ts);
        return b;
    }

    @Test
    void oneSourcePassesThroughUnchanged() {
        RtpRestamper r = new RtpRestamper();
        for (int i = 0; i < 5; i++) {
            byte[] p = packet(7, 65534 + i, 4_294_967_000L + 960L * i);
            r.apply(p, 0);
            assertThat(RtpHeader.sequenceNumber(p, 0)).isEqualTo((65534 + i) & 0xFFFF);
            assertThat(RtpHeader.timestamp(p, 0)).isEqualTo((4_294_967_000L + 960L * i) & 0xFFFFFFFFL);
            assertThat(RtpHeader.marker(p, 0)).isFalse();
        }
    }

    @Test
    void aNewSourceContinuesTheSequenceAndTimestampWithTheMarkerSet() {
        RtpRestamper r = new RtpRestamper();
        r.apply(packet(7, 100, 5000), 0);
        r.apply(packet(7, 101, 5960), 0);
        byte[] switched = packet(9, 40_000, 123_456_789L);
        r.apply(switched, 0);
        assertThat(RtpHeader.sequenceNumber(switched, 0)).isEqualTo(102);
        assertThat(RtpHeader.timestamp(switched, 0)).isEqualTo(5960 + RtpRestamper.GAP);
        assertThat(RtpHeader.marker(switched, 0)).isTrue();
        byte[] next = packet(9, 40_001, 123_456_789L + 960);
        r.apply(next, 0);
        assertThat(RtpHeader.sequenceNumber(next, 0)).isEqualTo(103);
        assertThat(RtpHeader.timestamp(next, 0)).isEqualTo(5960 + RtpRestamper.GAP + 960);
        assertThat(RtpHeader.marker(next, 0)).isFalse();
    }
}
