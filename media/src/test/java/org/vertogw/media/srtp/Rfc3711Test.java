package org.vertogw.media.srtp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.vertogw.media.rtp.Bytes;
import org.vertogw.media.rtp.PacketBuffer;

/**
 * RFC 3711 Appendix B.2 (AES-CM keystream) and B.3 (key derivation), and the AES_CM_128_HMAC_SHA1_80 reference
 * packets that libsrtp validates against (same master key as B.3).
 */
class Rfc3711Test {

    static final byte[] MASTER_KEY = Bytes.fromHex("E1F97A0D3E018BE0D64FA32C06DE4139");
    static final byte[] MASTER_SALT = Bytes.fromHex("0EC675AD498AFEEBB6960B3AABE6");

    @Test
    void rfc3711AppendixB2KeystreamBlocks() {
        AesCounterMode cm = new AesCounterMode(new AesBlock(Bytes.fromHex("2B7E151628AED2A6ABF7158809CF4F3C")));
        byte[] iv = Bytes.fromHex("F0F1F2F3F4F5F6F7F8F9FAFBFCFD0000");
        byte[] ks = new byte[48];
        cm.apply(iv, ks, 0, ks.length);
        assertThat(Bytes.hex(ks, 0, 48))
                .isEqualToIgnoringCase("E03EAD0935C95E80E166B16DD92B4EB4" + "D23513162B02D0F72A43A2FE4A5F97AB"
                        + "41E95B3BB0A2E8DD477901E4FCA894C0");
        byte[] late = new byte[16];
        cm.apply(Bytes.fromHex("F0F1F2F3F4F5F6F7F8F9FAFBFCFDFEFF"), late, 0, 16);
        assertThat(Bytes.hex(late, 0, 16)).isEqualToIgnoringCase("EC8CDF7398607CB0F2D21675EA9EA1E4");
    }

    @Test
    void rfc3711AppendixB3KeyDerivation() {
        assertThat(Bytes.hex(SrtpKeyDerivation.derive(MASTER_KEY, MASTER_SALT, 0, 16), 0, 16))
                .isEqualToIgnoringCase("C61E7A93744F39EE10734AFE3FF7A087");
        assertThat(Bytes.hex(SrtpKeyDerivation.derive(MASTER_KEY, MASTER_SALT, 2, 14), 0, 14))
                .isEqualToIgnoringCase("30CBBC08863D8C85D49DB34A9AE1");
        assertThat(Bytes.hex(SrtpKeyDerivation.derive(MASTER_KEY, MASTER_SALT, 1, 94), 0, 94))
                .isEqualToIgnoringCase("CEBE321F6FF7716B6FD4AB49AF256A156D38BAA48F0A0ACF3C34E2359E6CDBCE"
                        + "E049646C43D9327AD175578EF72270986371C10C9A369AC2F94A8C5FBCDDDC25"
                        + "6D6E919A48B610EF17C2041E474035766B68642C59BBFC2F34DB60DBDFB2");
    }

    static final String RTP = "800f1234decafbadcafebabe" + "abababababababababababababababab";
    static final String SRTP = "800f1234decafbadcafebabe4e55dc4ce79978d88ca4d215949d2402b78d6acc99ea179b8dbb";
    static final String RTCP = "81c8000bcafebabe" + "abababababababababababababababab";
    static final String SRTCP = "81c8000bcafebabe7128035be487b9bdbef89041f977a5a880000001993e08cd54d6c1230798";

    private static SrtpMasterKey master() {
        return new SrtpMasterKey(SrtpProfile.AES_CM_128_HMAC_SHA1_80, MASTER_KEY, MASTER_SALT);
    }

    static PacketBuffer packet(String hex) {
        PacketBuffer p = new PacketBuffer();
        byte[] b = Bytes.fromHex(hex);
        p.set(b, 0, b.length);
        return p;
    }

    static String hex(PacketBuffer p) {
        return Bytes.hex(p.array(), 0, p.length());
    }

    @Test
    void aesCm128HmacSha180ProtectsTheReferenceRtpPacket() {
        PacketBuffer p = packet(RTP);
        assertThat(SrtpContext.of(master()).protect(p)).isEqualTo(SrtpStatus.OK);
        assertThat(hex(p)).isEqualTo(SRTP);
        assertThat(SrtpContext.of(master()).unprotect(p)).isEqualTo(SrtpStatus.OK);
        assertThat(hex(p)).isEqualTo(RTP);
    }

    @Test
    void aesCm128HmacSha180ProtectsTheReferenceRtcpPacket() {
        PacketBuffer p = packet(RTCP);
        assertThat(SrtcpContext.of(master()).protect(p)).isEqualTo(SrtpStatus.OK);
        assertThat(hex(p)).isEqualTo(SRTCP);
        assertThat(SrtcpContext.of(master()).unprotect(p)).isEqualTo(SrtpStatus.OK);
        assertThat(hex(p)).isEqualTo(RTCP);
    }
}
