package org.vertogw.media.srtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.vertogw.media.rtp.Bytes;

/** {@link GaloisHash} against GHASH built on the bit-by-bit multiplication of NIST SP 800-38D §6.3, Algorithm 1. */
class GaloisHashTest {

    private static final long R = 0xE100000000000000L;
    private static final HexFormat HEX = HexFormat.of();

    /** X * Y in GF(2^128), Algorithm 1: x[0] = hi, x[1] = lo, reflected bit order. */
    static long[] multiply(long xHi, long xLo, long yHi, long yLo) {
        long zHi = 0;
        long zLo = 0;
        long vHi = yHi;
        long vLo = yLo;
        for (int i = 0; i < 128; i++) {
            long bit = i < 64 ? (xHi >>> (63 - i)) & 1 : (xLo >>> (127 - i)) & 1;
            if (bit != 0) {
                zHi ^= vHi;
                zLo ^= vLo;
            }
            long lsb = vLo & 1;
            vLo = (vLo >>> 1) | (vHi << 63);
            vHi >>>= 1;
            if (lsb != 0) {
                vHi ^= R;
            }
        }
        return new long[] {zHi, zLo};
    }

    /** GHASH over the zero-padded AAD, the zero-padded text and the length block (SP 800-38D §7.1 step 5). */
    static byte[] referenceGhash(byte[] h, byte[] aad, byte[] text) {
        long hHi = Bytes.readLong(h, 0);
        long hLo = Bytes.readLong(h, 8);
        long[] y = {0, 0};
        for (byte[] in : new byte[][] {aad, text}) {
            for (int i = 0; i < in.length; i += 16) {
                byte[] block = new byte[16];
                System.arraycopy(in, i, block, 0, Math.min(16, in.length - i));
                y = multiply(y[0] ^ Bytes.readLong(block, 0), y[1] ^ Bytes.readLong(block, 8), hHi, hLo);
            }
        }
        y = multiply(y[0] ^ ((long) aad.length << 3), y[1] ^ ((long) text.length << 3), hHi, hLo);
        byte[] out = new byte[16];
        Bytes.writeLong(out, 0, y[0]);
        Bytes.writeLong(out, 8, y[1]);
        return out;
    }

    private static byte[] ghash(GaloisHash g, byte[] aad, byte[] text) {
        byte[] out = new byte[16];
        g.reset();
        g.update(aad, 0, aad.length);
        g.update(text, 0, text.length);
        g.finish(aad.length, text.length, out);
        return out;
    }

    @Test
    void singleBlocksMatchAlgorithm1() {
        SplittableRandom rnd = new SplittableRandom(7714);
        byte[] h = new byte[16];
        byte[] x = new byte[16];
        byte[] empty = new byte[0];
        for (int key = 0; key < 64; key++) {
            rnd.nextBytes(h);
            GaloisHash g = new GaloisHash(h);
            for (int n = 0; n < 64; n++) {
                rnd.nextBytes(x);
                assertThat(ghash(g, x, empty))
                        .as("H=%s X=%s", HEX.formatHex(h), HEX.formatHex(x))
                        .isEqualTo(referenceGhash(h, x, empty));
            }
        }
    }

    @Test
    void extremeOperandsMatchAlgorithm1() {
        long[] words = {
            0,
            -1L,
            1L,
            Long.MIN_VALUE,
            0x5555555555555555L,
            0xAAAAAAAAAAAAAAAAL,
            0x1111111111111111L,
            0x8888888888888888L,
            0x00000000FFFFFFFFL
        };
        byte[] h = new byte[16];
        byte[] x = new byte[16];
        for (long hHi : words) {
            for (long hLo : words) {
                Bytes.writeLong(h, 0, hHi);
                Bytes.writeLong(h, 8, hLo);
                GaloisHash g = new GaloisHash(h);
                for (long xHi : words) {
                    for (long xLo : words) {
                        Bytes.writeLong(x, 0, xHi);
                        Bytes.writeLong(x, 8, xLo);
                        assertThat(ghash(g, x, x)).isEqualTo(referenceGhash(h, x, x));
                    }
                }
            }
        }
    }

    @Test
    void messagesOfEveryLengthMatchAlgorithm1() {
        SplittableRandom rnd = new SplittableRandom(38);
        byte[] h = new byte[16];
        for (int n = 0; n < 2000; n++) {
            rnd.nextBytes(h);
            byte[] aad = new byte[rnd.nextInt(40)];
            byte[] text = new byte[rnd.nextInt(200)];
            rnd.nextBytes(aad);
            rnd.nextBytes(text);
            assertThat(ghash(new GaloisHash(h), aad, text)).isEqualTo(referenceGhash(h, aad, text));
        }
    }

    /** SP 800-38D test case 2 (McGrew and Viega): H = E_K(0) for the zero key, C = E_K(J0 + 1) of a zero block. */
    @Test
    void gcmSpecTestCase2() {
        byte[] h = Bytes.fromHex("66e94bd4ef8a2c3b884cfa59ca342b2e");
        byte[] c = Bytes.fromHex("0388dace60b6a392f328c2b971b2fe78");
        assertThat(HEX.formatHex(ghash(new GaloisHash(h), new byte[0], c)))
                .isEqualTo("f38cbb1ad69223dcc3457ae5b6b0f885");
    }
}
