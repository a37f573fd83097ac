package org.vertogw.media.stun;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.junit.jupiter.api.Test;
import org.vertogw.media.rtp.Bytes;

/** RFC 5769 test vectors: decoding, MESSAGE-INTEGRITY and FINGERPRINT checks, and byte-exact re-encoding. */
class Rfc5769Test {

    static final String PASSWORD = "VOkJxbRl1RmTxUk/WvJxBt";

    static final byte[] SAMPLE_REQUEST = Bytes.fromHex("000100582112a442b7e7a701bc34d686fa87dfae"
            + "802200105354554e207465737420636c69656e74"
            + "002400046e0001ff"
            + "80290008932ff9b151263b36"
            + "000600096576746a3a68367659202020"
            + "000800149aeaa70cbfd8cb56781ef2b5b2d3f249c1b571a2"
            + "80280004e57a3bcf");

    static final byte[] SAMPLE_IPV4_RESPONSE = Bytes.fromHex("0101003c2112a442b7e7a701bc34d686fa87dfae"
            + "8022000b7465737420766563746f7220"
            + "002000080001a147e112a643"
            + "000800142b91f599fd9e90c38c7489f92af9ba53f06be7d7"
            + "80280004c07d4c96");

    static final byte[] SAMPLE_IPV6_RESPONSE = Bytes.fromHex("010100482112a442b7e7a701bc34d686fa87dfae"
            + "8022000b7465737420766563746f7220"
            + "002000140002a1470113a9faa5d3f179bc25f4b5bed2b9d9"
            + "00080014a382954e4be67bf11784c97c8292c275bfe3ed41"
            + "80280004c8fb0b4c");

    static final byte[] SAMPLE_LONG_TERM_REQUEST = Bytes.fromHex("000100602112a44278ad3433c6ad72c029da412e"
            + "00060012e3839ee38388e383aae38383e382afe382b90000"
            + "0015001c662f2f3439396b39353464364f4c33346f4c394653547679363473410014000b6578616d706c652e6f726700"
            + "00080014f67024656dd64a3e02b8e0712e85c9a28ca89666");

    @Test
    void rfc5769SampleRequestDecodesAndVerifies() throws Exception {
        StunMessage m = StunMessage.decode(SAMPLE_REQUEST, 0, SAMPLE_REQUEST.length);
        assertThat(m.isBindingRequest()).isTrue();
        assertThat(m.software()).isEqualTo("STUN test client");
        assertThat(m.username()).isEqualTo("evtj:h6vY");
        assertThat(m.priority()).isEqualTo(0x6e0001ffL);
        assertThat(m.iceControlled()).isTrue();
        assertThat(m.tieBreaker()).isEqualTo(0x932ff9b151263b36L);
        assertThat(m.hasFingerprint()).isTrue();
        assertThat(m.verifyMessageIntegrity(MessageIntegrity.shortTermKey(PASSWORD)))
                .isTrue();
        assertThat(m.verifyMessageIntegrity(MessageIntegrity.shortTermKey("wrong")))
                .isFalse();
    }

    @Test
    void rfc5769SampleRequestIntegrityAndFingerprintAreProducedExactly() {
        int mi = SAMPLE_REQUEST.length - 8 - 24;
        byte[] mac =
                MessageIntegrity.compute(MessageIntegrity.shortTermKey(PASSWORD), SAMPLE_REQUEST, mi, mi + 24 - 20);
        assertThat(Bytes.hex(mac, 0, 20)).isEqualTo(Bytes.hex(SAMPLE_REQUEST, mi + 4, 20));
        int fp = SAMPLE_REQUEST.length - 8;
        int crc = Fingerprint.compute(new java.util.zip.CRC32(), SAMPLE_REQUEST, 0, fp, fp + 8 - 20);
        assertThat(crc).isEqualTo(0xe57a3bcf);
    }

    @Test
    void rfc5769Ipv4ResponseDecodesItsMappedAddress() throws Exception {
        StunMessage m = StunMessage.decode(SAMPLE_IPV4_RESPONSE, 0, SAMPLE_IPV4_RESPONSE.length);
        assertThat(m.stunClass()).isEqualTo(StunClass.SUCCESS_RESPONSE);
        assertThat(m.software()).isEqualTo("test vector");
        assertThat(m.xorMappedAddress()).isEqualTo(new InetSocketAddress(InetAddress.getByName("192.0.2.1"), 32853));
        assertThat(m.verifyMessageIntegrity(MessageIntegrity.shortTermKey(PASSWORD)))
                .isTrue();
    }

    @Test
    void rfc5769MappedAddressesEncodeToTheVectorBytes() throws Exception {
        byte[] tid = Bytes.fromHex("b7e7a701bc34d686fa87dfae");
        byte[] v4 = StunMessageWriter.of(StunClass.SUCCESS_RESPONSE, StunMessageType.BINDING, tid)
                .xorMappedAddress(new InetSocketAddress(InetAddress.getByName("192.0.2.1"), 32853))
                .toBytes();
        assertThat(Bytes.hex(v4, 20, 12)).isEqualTo(Bytes.hex(SAMPLE_IPV4_RESPONSE, 36, 12));
        byte[] v6 = StunMessageWriter.of(StunClass.SUCCESS_RESPONSE, StunMessageType.BINDING, tid)
                .xorMappedAddress(
                        new InetSocketAddress(InetAddress.getByName("2001:db8:1234:5678:11:2233:4455:6677"), 32853))
                .toBytes();
        assertThat(Bytes.hex(v6, 20, 24)).isEqualTo(Bytes.hex(SAMPLE_IPV6_RESPONSE, 36, 24));
        int mi = SAMPLE_IPV4_RESPONSE.length - 8 - 24;
        byte[] mac = MessageIntegrity.compute(
                MessageIntegrity.shortTermKey(PASSWORD), SAMPLE_IPV4_RESPONSE, mi, mi + 24 - 20);
        assertThat(Bytes.hex(mac, 0, 20)).isEqualTo(Bytes.hex(SAMPLE_IPV4_RESPONSE, mi + 4, 20));
    }

    @Test
    void rfc5769Ipv6ResponseDecodesItsMappedAddress() throws Exception {
        StunMessage m = StunMessage.decode(SAMPLE_IPV6_RESPONSE, 0, SAMPLE_IPV6_RESPONSE.length);
        assertThat(m.xorMappedAddress())
                .isEqualTo(new InetSocketAddress(InetAddress.getByName("2001:db8:1234:5678:11:2233:4455:6677"), 32853));
        assertThat(m.verifyMessageIntegrity(MessageIntegrity.shortTermKey(PASSWORD)))
                .isTrue();
    }

    @Test
    void rfc5769LongTermRequestVerifiesWithTheMd5Key() throws Exception {
        StunMessage m = StunMessage.decode(SAMPLE_LONG_TERM_REQUEST, 0, SAMPLE_LONG_TERM_REQUEST.length);
        String user = "\u30DE\u30C8\u30EA\u30C3\u30AF\u30B9";
        assertThat(m.username()).isEqualTo(user);
        byte[] key = MessageDigest.getInstance("MD5")
                .digest((user + ":example.org:TheMatrIX").getBytes(StandardCharsets.UTF_8));
        assertThat(m.verifyMessageIntegrity(key)).isTrue();
        assertThat(m.hasFingerprint()).isFalse();
    }

    @Test
    void writerOutputRoundTripsWithIntegrityAndFingerprint() throws Exception {
        byte[] key = MessageIntegrity.shortTermKey(PASSWORD);
        byte[] out = StunMessageWriter.request(StunMessageType.BINDING)
                .username("abcd:efgh")
                .priority(12345)
                .iceControlling(42)
                .useCandidate()
                .messageIntegrity(key)
                .fingerprint()
                .toBytes();
        StunMessage m = StunMessage.decode(out, 0, out.length);
        assertThat(m.username()).isEqualTo("abcd:efgh");
        assertThat(m.useCandidate()).isTrue();
        assertThat(m.iceControlling()).isTrue();
        assertThat(m.tieBreaker()).isEqualTo(42);
        assertThat(m.verifyMessageIntegrity(key)).isTrue();
    }
}
