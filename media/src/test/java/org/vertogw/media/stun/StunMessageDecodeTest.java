package org.vertogw.media.stun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Malformed STUN is refused with a message naming the place, and random bytes never escape as anything else. */
class StunMessageDecodeTest {

    private static byte[] request() {
        return Rfc5769Test.SAMPLE_REQUEST.clone();
    }

    @Test
    void aCorruptedFingerprintIsRefused() {
        byte[] m = request();
        m[m.length - 1] ^= 1;
        assertThatThrownBy(() -> StunMessage.decode(m, 0, m.length))
                .isInstanceOf(StunDecodeException.class)
                .hasMessageContaining("FINGERPRINT")
                .hasMessageContaining("CRC");
    }

    @Test
    void aLengthFieldThatDisagreesWithTheDatagramIsRefused() {
        byte[] m = request();
        assertThatThrownBy(() -> StunMessage.decode(m, 0, m.length - 4))
                .isInstanceOf(StunDecodeException.class)
                .hasMessageContaining("offset 2");
    }

    @Test
    void aWrongMagicCookieIsRefused() {
        byte[] m = request();
        m[4] = 0;
        assertThatThrownBy(() -> StunMessage.decode(m, 0, m.length)).hasMessageContaining("magic cookie");
    }

    @Test
    void aPriorityOfTheWrongLengthNamesTheAttributeAndOffset() {
        byte[] m = StunMessageWriter.request(StunMessageType.BINDING)
                .attribute(StunAttributeType.PRIORITY, new byte[6])
                .toBytes();
        assertThatThrownBy(() -> StunMessage.decode(m, 0, m.length))
                .hasMessage("attribute 0x0024 at offset 20: length 6, expected 4");
    }

    @Test
    void anEmptyXorMappedAddressAtTheEndOfTheDatagramIsRefusedNotReadPast() throws Exception {
        byte[] m = StunMessageWriter.request(StunMessageType.BINDING)
                .attribute(StunAttributeType.XOR_MAPPED_ADDRESS, new byte[0])
                .toBytes();
        StunMessage decoded = StunMessage.decode(m, 0, m.length);
        assertThatThrownBy(decoded::xorMappedAddress)
                .isInstanceOf(StunDecodeException.class)
                .hasMessage("attribute 0x0020 at offset 20: length 0, shorter than family and port");
    }

    @Test
    void aTamperedBodyFailsMessageIntegrityButStillDecodes() throws Exception {
        byte[] m = StunMessageWriter.request(StunMessageType.BINDING)
                .username("a:b")
                .messageIntegrity(MessageIntegrity.shortTermKey("pw"))
                .toBytes();
        m[24] ^= 1;
        StunMessage decoded = StunMessage.decode(m, 0, m.length);
        assertThat(decoded.verifyMessageIntegrity(MessageIntegrity.shortTermKey("pw")))
                .isFalse();
    }

    @Test
    void oneReaderReadsMessagesInPlaceAnywhereInABufferAndSurvivesMalformedOnes() throws Exception {
        byte[] key = MessageIntegrity.shortTermKey(Rfc5769Test.PASSWORD);
        byte[] sample = request();
        byte[] buf = new byte[sample.length + 37];
        System.arraycopy(sample, 0, buf, 37, sample.length);
        StunMessage reader = new StunMessage();
        for (int round = 0; round < 2; round++) {
            reader.wrap(buf, 37, sample.length);
            assertThat(reader.username()).isEqualTo("evtj:h6vY");
            assertThat(reader.usernameIs("evtj".getBytes(), "h6vY".getBytes())).isTrue();
            assertThat(reader.usernameIs("evtj".getBytes(), null)).isTrue();
            assertThat(reader.usernameIs("evt".getBytes(), null)).isFalse();
            assertThat(reader.usernameIs("evtj".getBytes(), "h6v".getBytes())).isFalse();
            assertThat(reader.verifyMessageIntegrity(key)).isTrue();
            assertThat(reader.hasTransactionId(java.util.Arrays.copyOfRange(sample, 8, 20)))
                    .isTrue();
            assertThat(reader.bytes()).isEqualTo(sample);
            byte[] garbage = sample.clone();
            garbage[4] = 0;
            assertThatThrownBy(() -> reader.wrap(garbage, 0, garbage.length)).hasMessageContaining("magic cookie");
        }
    }

    @Test
    void moreAttributesThanAnyCheckCarriesAreRefused() {
        StunMessageWriter w = StunMessageWriter.request(StunMessageType.BINDING);
        for (int i = 0; i <= StunMessage.MAX_ATTRIBUTES; i++) {
            w.software("x");
        }
        byte[] m = w.toBytes();
        assertThatThrownBy(() -> StunMessage.decode(m, 0, m.length))
                .isInstanceOf(StunDecodeException.class)
                .hasMessageContaining("more than " + StunMessage.MAX_ATTRIBUTES + " attributes");
    }

    @Test
    void aReusedWriterStartsEachMessageAfreshWithItsOwnTransactionId() throws Exception {
        StunMessageWriter w = new StunMessageWriter();
        byte[] first = w.startRequest(StunMessageType.BINDING)
                .username("a:b")
                .software("long software name")
                .fingerprint()
                .toBytes();
        byte[] second = w.startRequest(StunMessageType.BINDING)
                .priority(7)
                .fingerprint()
                .toBytes();
        StunMessage a = StunMessage.decode(first, 0, first.length);
        StunMessage b = StunMessage.decode(second, 0, second.length);
        assertThat(b.username()).isNull();
        assertThat(b.priority()).isEqualTo(7);
        assertThat(b.hasFingerprint()).isTrue();
        assertThat(a.transactionId()).isNotEqualTo(b.transactionId());
    }

    @Test
    void unknownComprehensionRequiredAttributesAreReported() throws Exception {
        byte[] m = StunMessageWriter.request(StunMessageType.BINDING)
                .attribute(0x0031, new byte[4])
                .attribute(0x8031, new byte[4])
                .toBytes();
        assertThat(StunMessage.decode(m, 0, m.length).unknownComprehensionRequired())
                .containsExactly(0x0031);
    }

    @Test
    void messageTypeBitsRoundTrip() {
        for (StunClass c : StunClass.values()) {
            int t = StunMessageType.encode(c, StunMessageType.BINDING);
            assertThat(StunMessageType.classOf(t)).isEqualTo(c);
            assertThat(StunMessageType.methodOf(t)).isEqualTo(StunMessageType.BINDING);
        }
        assertThat(StunMessageType.encode(StunClass.SUCCESS_RESPONSE, 1)).isEqualTo(0x0101);
        assertThat(StunMessageType.encode(StunClass.ERROR_RESPONSE, 1)).isEqualTo(0x0111);
    }

    @Test
    void randomAndMutatedDatagramsEitherDecodeOrThrowTheDecodeException() {
        Random r = new Random(7);
        int decoded = 0;
        for (int i = 0; i < 20000; i++) {
            byte[] m = i % 2 == 0 ? request() : new byte[20 + r.nextInt(100)];
            if (i % 2 == 0) {
                for (int k = 0; k < 1 + r.nextInt(4); k++) {
                    m[r.nextInt(m.length)] = (byte) r.nextInt(256);
                }
            } else {
                r.nextBytes(m);
                m[0] &= 0x3F;
                m[4] = 0x21;
                m[5] = 0x12;
                m[6] = (byte) 0xa4;
                m[7] = 0x42;
                m[2] = 0;
                m[3] = (byte) ((m.length - 20) & ~3);
            }
            int len = i % 2 == 0 ? m.length : 20 + ((m.length - 20) & ~3);
            try {
                StunMessage s = StunMessage.decode(m, 0, len);
                s.username();
                s.priority();
                s.errorCode();
                s.verifyMessageIntegrity(new byte[] {1});
                decoded++;
            } catch (StunDecodeException expected) {
                assertThat(expected.getMessage()).isNotBlank();
            }
        }
        assertThat(decoded).isPositive();
    }
}
