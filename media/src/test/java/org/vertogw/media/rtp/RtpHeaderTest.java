package org.vertogw.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** RFC 3550 §5.1 fields, CSRCs and the §5.3.1 extension, read in place. */
class RtpHeaderTest {

    @Test
    void fixedHeaderFieldsAreRead() {
        byte[] p = Bytes.fromHex("80e0f17b8041f8d35501a0b2ff");
        assertThat(RtpHeader.version(p, 0)).isEqualTo(2);
        assertThat(RtpHeader.marker(p, 0)).isTrue();
        assertThat(RtpHeader.payloadType(p, 0)).isEqualTo(96);
        assertThat(RtpHeader.sequenceNumber(p, 0)).isEqualTo(0xf17b);
        assertThat(RtpHeader.timestamp(p, 0)).isEqualTo(0x8041f8d3L);
        assertThat(RtpHeader.ssrc(p, 0)).isEqualTo(0x5501a0b2);
        assertThat(RtpHeader.headerLength(p, 0, p.length)).isEqualTo(12);
        RtpHeader.setSsrc(p, 0, 0x01020304);
        assertThat(RtpHeader.ssrc(p, 0)).isEqualTo(0x01020304);
    }

    @Test
    void csrcsAndExtensionCountTowardsTheHeader() {
        byte[] p = Bytes.fromHex("9200000100000002000000030000000400000005bede0001" + "10ff0000" + "abcd");
        assertThat(RtpHeader.csrcCount(p, 0)).isEqualTo(2);
        assertThat(RtpHeader.headerLength(p, 0, p.length)).isEqualTo(12 + 8 + 4 + 4);
    }

    @Test
    void headersLongerThanThePacketAreRejected() {
        byte[] p = Bytes.fromHex("9000000100000002000000030000bede0009");
        assertThat(RtpHeader.headerLength(p, 0, p.length)).isEqualTo(-1);
        assertThat(RtpHeader.headerLength(Bytes.fromHex("400000010000000200000003"), 0, 12))
                .isEqualTo(-1);
        assertThat(RtpHeader.headerLength(new byte[11], 0, 11)).isEqualTo(-1);
    }
}
