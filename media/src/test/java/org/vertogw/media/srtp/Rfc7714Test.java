package org.vertogw.media.srtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vertogw.media.srtp.Rfc3711Test.hex;
import static org.vertogw.media.srtp.Rfc3711Test.packet;

import org.junit.jupiter.api.Test;
import org.vertogw.media.rtp.Bytes;
import org.vertogw.media.rtp.PacketBuffer;

/** RFC 7714 §16.1 (SRTP) and §17.1, §17.3 (SRTCP) AEAD_AES_128_GCM vectors, given in session keys. */
class Rfc7714Test {

    static final byte[] KEY = Bytes.fromHex("000102030405060708090a0b0c0d0e0f");
    static final byte[] SALT = Bytes.fromHex("517569642070726f2071756f");

    static final String RTP =
            "8040f17b8041f8d35501a0b2" + "47616c6c696120657374206f6d6e69732064697669736120696e207061727465732074726573";
    static final String SRTP = "8040f17b8041f8d35501a0b2"
            + "f24de3a3fb34de6cacba861c9d7e4bcabe633bd50d294e6f42a5f47a51c7d19b36de3adf8833"
            + "899d7f27beb16a9152cf765ee4390cce";
    static final String RTCP = "81c8000d4d6172734e5450314e545032525450200000042a0000e9304c756e61"
            + "deadbeefdeadbeefdeadbeefdeadbeefdeadbeef";
    static final String SRTCP = "81c8000d4d617273"
            + "63e94885dcdab67ca727d7662f6b7e997ff5c0f76c06f32dc676a5f1730d6fda4ce09b4686303ded0bb9275bc84aa458"
            + "96cf4d2fc5abf87245d9eade" + "800005d4";
    static final String SRTCP_TAG_ONLY = RTCP + "841dd9683dd78ec92ae58790125f62b3" + "000005d4";

    private static AesGcmTransform transform() {
        return new AesGcmTransform(KEY, SALT);
    }

    @Test
    void rfc7714Section16_1EncryptsTheRtpPacket() {
        PacketBuffer p = packet(RTP);
        assertThat(new SrtpContext(transform()).protect(p)).isEqualTo(SrtpStatus.OK);
        assertThat(hex(p)).isEqualTo(SRTP);
    }

    @Test
    void rfc7714Section16_1DecryptsAndVerifiesTheRtpPacket() {
        PacketBuffer p = packet(SRTP);
        assertThat(new SrtpContext(transform()).unprotect(p)).isEqualTo(SrtpStatus.OK);
        assertThat(hex(p)).isEqualTo(RTP);
    }

    @Test
    void rfc7714Section16_1RejectsAFlippedTagBit() {
        PacketBuffer p = packet(SRTP);
        p.array()[p.length() - 1] ^= 1;
        assertThat(new SrtpContext(transform()).unprotect(p)).isEqualTo(SrtpStatus.AUTH_FAILED);
        assertThat(hex(p)).isEqualTo(SRTP.substring(0, SRTP.length() - 2) + "cf");
    }

    @Test
    void rfc7714Section17_1EncryptsTheRtcpPacketAtIndex0x5d4() {
        SrtcpContext sender = new SrtcpContext(transform());
        for (int i = 1; i < 0x5d4; i++) {
            assertThat(sender.protect(packet(RTCP))).isEqualTo(SrtpStatus.OK);
        }
        PacketBuffer p = packet(RTCP);
        assertThat(sender.protect(p)).isEqualTo(SrtpStatus.OK);
        assertThat(hex(p)).isEqualTo(SRTCP);
    }

    @Test
    void rfc7714Section17_1DecryptsTheRtcpPacket() {
        PacketBuffer p = packet(SRTCP);
        assertThat(new SrtcpContext(transform()).unprotect(p)).isEqualTo(SrtpStatus.OK);
        assertThat(hex(p)).isEqualTo(RTCP);
    }

    @Test
    void rfc7714Section17_3AcceptsAnAuthenticatedButUnencryptedRtcpPacket() {
        PacketBuffer p = packet(SRTCP_TAG_ONLY);
        assertThat(new SrtcpContext(transform()).unprotect(p)).isEqualTo(SrtpStatus.OK);
        assertThat(hex(p)).isEqualTo(RTCP);
    }
}
