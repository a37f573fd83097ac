package org.vertogw.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.net.InetSocketAddress;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.vertogw.media.stun.MessageIntegrity;
import org.vertogw.media.stun.StunDecodeException;
import org.vertogw.media.stun.StunMessage;
import org.vertogw.media.stun.StunMessageWriter;

/**
 * Any datagram that looks like STUN (RFC 8489 §5): it decodes or is refused with {@link StunDecodeException}; it
 * decodes the same at any offset in a larger buffer (the media threads read in place); every attribute accessor ICE
 * uses answers within the datagram.
 */
class StunFuzzTest {

    private static final MessageIntegrity.Key KEY = MessageIntegrity.Key.of("abcdefghijklmnopqrstuvwx");

    static Stream<Arguments> requests() {
        StunMessageWriter binding = StunMessageWriter.request(0x001)
                .username("local:remote")
                .priority(2130706431L)
                .iceControlling(0x1122334455667788L)
                .useCandidate()
                .messageIntegrity("abcdefghijklmnopqrstuvwx".getBytes())
                .fingerprint();
        binding.finish();
        StunMessageWriter response = StunMessageWriter.request(0x001)
                .xorMappedAddress(new InetSocketAddress("127.0.0.1", 50000))
                .errorCode(487, "Role Conflict")
                .software("fuzz")
                .fingerprint();
        response.finish();
        return Stream.of(Seeds.bytes(binding.toBytes()), Seeds.bytes(response.toBytes()));
    }

    @MethodSource("requests")
    @FuzzTest
    void decode(byte[] input) {
        StunMessage m;
        try {
            m = StunMessage.decode(input, 0, input.length);
        } catch (StunDecodeException e) {
            assertThatOffsetDecodeFails(input);
            return;
        }
        byte[] shifted = new byte[input.length + 23];
        System.arraycopy(input, 0, shifted, 7, input.length);
        StunMessage atOffset;
        try {
            atOffset = new StunMessage().wrap(shifted, 7, input.length);
        } catch (StunDecodeException e) {
            throw new AssertionError("decodes at offset 0 but not at 7", e);
        }
        assertThat(atOffset.username()).isEqualTo(m.username());
        assertThat(atOffset.verifyMessageIntegrity(KEY)).isEqualTo(m.verifyMessageIntegrity(KEY));

        m.stunClass();
        m.method();
        m.isBindingRequest();
        m.transactionId();
        m.unknownComprehensionRequired();
        m.software();
        m.priority();
        m.useCandidate();
        m.iceControlling();
        m.iceControlled();
        m.tieBreaker();
        m.errorCode();
        m.hasFingerprint();
        m.usernameIs("local".getBytes(), "remote".getBytes());
        int ufrag = m.usernameLocalOffset();
        if (ufrag >= 0) {
            assertThat(ufrag + m.usernameLocalLength()).isLessThanOrEqualTo(m.array().length);
        }
        try {
            m.xorMappedAddress();
        } catch (StunDecodeException e) {
            // a malformed XOR-MAPPED-ADDRESS is refused, not read past
        }
    }

    private static void assertThatOffsetDecodeFails(byte[] input) {
        byte[] shifted = new byte[input.length + 5];
        System.arraycopy(input, 0, shifted, 5, input.length);
        try {
            new StunMessage().wrap(shifted, 5, input.length);
        } catch (StunDecodeException e) {
            return;
        }
        throw new AssertionError("refused at offset 0 but decodes at 5");
    }
}
