package org.vertogw.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.vertogw.media.net.Rfc4571Framer;
import org.vertogw.media.rtp.PacketBuffer;

/**
 * Any byte stream on an ICE-TCP connection (RFC 4571 §2, RFC 6544), delivered in reads of any size: the framer hands
 * out exactly the frames a plain reading of the whole stream finds, in order, stops at the first length over one
 * datagram, never buffers more than one largest frame and never throws. The first byte of the input sets the read
 * size (1..64 bytes), the rest is the stream.
 */
class Rfc4571FramerFuzzTest {

    static Stream<Arguments> streams() {
        byte[] three = {7, 0, 3, 1, 2, 3, 0, 0, 0, 5, 9, 9, 9, 9, 9, 0, 1};
        byte[] oversize = {1, 0, 4, 1, 2, 3, 4, (byte) 0xFF, (byte) 0xFF, 0, 1};
        return Stream.of(Seeds.bytes(three), Seeds.bytes(oversize));
    }

    @MethodSource("streams")
    @FuzzTest
    void framesAsAPlainReadingFindsThem(byte[] input) {
        if (input.length == 0) {
            return;
        }
        int chunk = 1 + (input[0] & 0x3F);
        byte[] stream = Arrays.copyOfRange(input, 1, input.length);
        List<byte[]> expected = new ArrayList<>();
        boolean expectOversize = reference(stream, expected);

        Rfc4571Framer framer = new Rfc4571Framer(PacketBuffer.MAX_DATAGRAM);
        PacketBuffer p = new PacketBuffer();
        List<byte[]> got = new ArrayList<>();
        boolean oversize = false;
        int at = 0;
        while (at < stream.length && !oversize) {
            int n = Math.min(
                    Math.min(chunk, stream.length - at), framer.readBuffer().remaining());
            assertThat(n).as("room to read after frames were taken").isPositive();
            framer.readBuffer().put(stream, at, n);
            at += n;
            int len;
            while ((len = framer.next(p)) > 0) {
                got.add(Arrays.copyOf(p.array(), len));
            }
            oversize = len == Rfc4571Framer.OVERSIZE;
            assertThat(framer.buffered()).isLessThanOrEqualTo(Rfc4571Framer.HEADER + PacketBuffer.MAX_DATAGRAM);
        }
        assertThat(oversize).isEqualTo(expectOversize);
        assertThat(got).hasSameSizeAs(expected);
        for (int i = 0; i < got.size(); i++) {
            assertThat(got.get(i)).isEqualTo(expected.get(i));
        }
    }

    /** The frames of the whole stream read front to back; true when it stops at an oversize length. */
    private static boolean reference(byte[] s, List<byte[]> out) {
        int i = 0;
        while (s.length - i >= 2) {
            int len = ((s[i] & 0xFF) << 8) | (s[i + 1] & 0xFF);
            if (len > PacketBuffer.MAX_DATAGRAM) {
                return true;
            }
            if (s.length - i - 2 < len) {
                return false;
            }
            if (len > 0) {
                out.add(Arrays.copyOfRange(s, i + 2, i + 2 + len));
            }
            i += 2 + len;
        }
        return false;
    }
}
