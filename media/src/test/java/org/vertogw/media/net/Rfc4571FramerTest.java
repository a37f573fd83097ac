package org.vertogw.media.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.vertogw.media.rtp.PacketBuffer;

/** RFC 4571 §2 framing: frames split and joined anyhow by the stream come out whole, oversize ones are refused. */
class Rfc4571FramerTest {

    private static byte[] frame(int len, int fill) {
        byte[] f = new byte[2 + len];
        f[0] = (byte) (len >>> 8);
        f[1] = (byte) len;
        java.util.Arrays.fill(f, 2, f.length, (byte) fill);
        return f;
    }

    /** Feeds {@code stream} in chunks of the given sizes and collects every frame handed out. */
    private static List<byte[]> feed(Rfc4571Framer framer, byte[] stream, int[] chunks) {
        List<byte[]> out = new ArrayList<>();
        PacketBuffer p = new PacketBuffer();
        int at = 0;
        int i = 0;
        while (at < stream.length) {
            int n = Math.min(
                    Math.min(chunks[i++ % chunks.length], stream.length - at),
                    framer.readBuffer().remaining());
            framer.readBuffer().put(stream, at, n);
            at += n;
            int len;
            while ((len = framer.next(p)) > 0) {
                out.add(java.util.Arrays.copyOf(p.array(), len));
            }
            assertThat(len).isEqualTo(Rfc4571Framer.INCOMPLETE);
        }
        return out;
    }

    @Test
    void framesSplitAcrossReadsAndSeveralInOneReadComeOutWhole() {
        ByteArrayOutputStream s = new ByteArrayOutputStream();
        int[] lengths = {20, 1, 1500, 0, 172, 1200};
        for (int i = 0; i < lengths.length; i++) {
            s.writeBytes(frame(lengths[i], i + 1));
        }
        for (int[] chunks : new int[][] {{1}, {3}, {7, 1, 2000}, {4000}}) {
            Rfc4571Framer framer = new Rfc4571Framer(PacketBuffer.MAX_DATAGRAM);
            List<byte[]> frames = feed(framer, s.toByteArray(), chunks);
            // the empty frame carries nothing and is skipped
            assertThat(frames).extracting(f -> f.length).containsExactly(20, 1, 1500, 172, 1200);
            assertThat(frames.get(2)).containsOnly((byte) 3);
            assertThat(frames.get(4)).containsOnly((byte) 6);
            assertThat(framer.buffered()).isZero();
        }
    }

    /**
     * Property over 5,000 random streams (a fixed seed, so a failure repeats): in reads of a random size, the framer
     * hands out exactly the frames a plain front-to-back reading of the whole stream finds, and stops where that
     * reading meets a length over the limit. Lengths are drawn mostly small so that streams hold many frames.
     */
    @Test
    void anyStreamInAnyReadSizesGivesTheFramesAPlainReadingFinds() {
        Random random = new Random(4571);
        for (int run = 0; run < 5000; run++) {
            ByteArrayOutputStream s = new ByteArrayOutputStream();
            int frames = random.nextInt(12);
            for (int i = 0; i < frames; i++) {
                int len = random.nextInt(50) == 0 ? random.nextInt(0x10000) : random.nextInt(300);
                byte[] f = frame(Math.min(len, 2000), random.nextInt(256));
                f[0] = (byte) (len >>> 8);
                f[1] = (byte) len;
                s.writeBytes(f);
            }
            if (random.nextBoolean()) {
                s.write(random.nextInt(256));
            }
            byte[] stream = s.toByteArray();
            List<byte[]> expected = new ArrayList<>();
            boolean expectOversize = plainReading(stream, expected);
            Rfc4571Framer framer = new Rfc4571Framer(PacketBuffer.MAX_DATAGRAM);
            PacketBuffer p = new PacketBuffer();
            List<byte[]> got = new ArrayList<>();
            int chunk = 1 + random.nextInt(random.nextBoolean() ? 8 : 3000);
            int at = 0;
            boolean oversize = false;
            while (at < stream.length && !oversize) {
                int n = Math.min(
                        Math.min(chunk, stream.length - at), framer.readBuffer().remaining());
                assertThat(n).isPositive();
                framer.readBuffer().put(stream, at, n);
                at += n;
                int len;
                while ((len = framer.next(p)) > 0) {
                    got.add(java.util.Arrays.copyOf(p.array(), len));
                }
                oversize = len == Rfc4571Framer.OVERSIZE;
            }
            assertThat(oversize).as("run %d", run).isEqualTo(expectOversize);
            assertThat(got).as("run %d", run).hasSameSizeAs(expected);
            for (int i = 0; i < got.size(); i++) {
                assertThat(got.get(i)).isEqualTo(expected.get(i));
            }
        }
    }

    /** Frames of the whole stream read front to back; true when it stops at a length over one datagram. */
    private static boolean plainReading(byte[] s, List<byte[]> out) {
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
                out.add(java.util.Arrays.copyOfRange(s, i + 2, i + 2 + len));
            }
            i += 2 + len;
        }
        return false;
    }

    @Test
    void aLengthOverTheLimitIsRefusedBeforeItsBodyArrives() {
        Rfc4571Framer framer = new Rfc4571Framer(PacketBuffer.MAX_DATAGRAM);
        framer.readBuffer().put(new byte[] {(byte) 0xFF, (byte) 0xFF, 1, 2, 3});
        assertThat(framer.next(new PacketBuffer())).isEqualTo(Rfc4571Framer.OVERSIZE);

        Rfc4571Framer justOver = new Rfc4571Framer(100);
        justOver.readBuffer().put(frame(101, 0), 0, 2);
        assertThat(justOver.next(new PacketBuffer())).isEqualTo(Rfc4571Framer.OVERSIZE);
    }

    @Test
    void theReadBufferHoldsOneLargestFrameAndNoMore() {
        Rfc4571Framer framer = new Rfc4571Framer(1500);
        assertThat(framer.readBuffer().capacity()).isEqualTo(1502);
        framer.readBuffer().put(frame(1500, 9));
        assertThat(framer.readBuffer().remaining()).isZero();
        PacketBuffer p = new PacketBuffer();
        assertThat(framer.next(p)).isEqualTo(1500);
        assertThat(framer.readBuffer().remaining()).isEqualTo(1502);
    }

    @Test
    void encodeWritesTheLengthInNetworkOrderAndRefusesWhatItCannotSay() {
        ByteBuffer out = ByteBuffer.allocate(400);
        byte[] body = new byte[300];
        new Random(1).nextBytes(body);
        Rfc4571Framer.encode(body, 0, 300, out);
        assertThat(out.position()).isEqualTo(302);
        assertThat(out.get(0)).isEqualTo((byte) 0x01);
        assertThat(out.get(1)).isEqualTo((byte) 0x2C);

        Rfc4571Framer framer = new Rfc4571Framer(PacketBuffer.MAX_DATAGRAM);
        out.flip();
        framer.readBuffer().put(out);
        PacketBuffer p = new PacketBuffer();
        assertThat(framer.next(p)).isEqualTo(300);
        assertThat(java.util.Arrays.copyOf(p.array(), 300)).isEqualTo(body);

        assertThatThrownBy(() -> Rfc4571Framer.encode(new byte[70000], 0, 70000, ByteBuffer.allocate(80000)))
                .hasMessageContaining("0..65535");
        assertThatThrownBy(() -> new Rfc4571Framer(70000)).hasMessageContaining("1..65535");
    }
}
