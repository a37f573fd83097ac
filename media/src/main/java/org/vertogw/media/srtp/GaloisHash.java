package org.vertogw.media.srtp;

import java.util.Arrays;
import org.vertogw.media.rtp.Bytes;

/**
 * GHASH (NIST SP 800-38D §6.4) by constant-time carry-less multiplication, without per-key tables.
 * <p>
 * Why not Shoup's tables: a relay rotates through hundreds of contexts, so each packet found its 4 KiB table cold
 * in cache, and table lookups indexed by secret data leak H through cache timing. Here each 64x64 carry-less
 * product is emulated with integer multiplies "with holes": both operands are split into four bit classes (bits
 * i mod 4), so every class of the integer product collects at most 15 terms per column and its carries land only
 * in the other classes' bits, which are masked off. That gives the low 64 bits; the high 64 come from the same on
 * bit-reversed operands. Karatsuba makes a 128x128 product of three 64x64 ones; the GCM reduction is shifts.
 * Per key only the bit classes of H's halves (and of their reversals) are kept: 24 longs. The 96 multiplies a block
 * cost about 1.5x a hot table with a single key, but there is nothing to miss in cache: with 1024 contexts in
 * rotation (bench-media {@code SrtpBenchmark.protectRotating}) GCM protect became about 2x faster.
 * <p>
 * Field elements use GCM's reflected bit order: bit 0 is the most significant bit of byte 0, so the plain
 * carry-less product of two 128-bit words, shifted left by one, holds x^0..x^127 in its upper half and
 * x^128..x^254 in its lower half, which is folded back with x^128 = x^7 + x^2 + x + 1.
 * <p>
 * The fallback of {@link JdkGhash}: where the JDK's intrinsic GHASH is reachable it is about 10x faster.
 */
final class GaloisHash implements Ghash {

    private static final long M0 = 0x1111111111111111L;
    private static final long M1 = 0x2222222222222222L;
    private static final long M2 = 0x4444444444444444L;
    private static final long M3 = 0x8888888888888888L;

    // Bit classes of H's low word (l), high word (h), their xor (k), and of their bit reversals (r*).
    private final long l0, l1, l2, l3;
    private final long h0, h1, h2, h3;
    private final long k0, k1, k2, k3;
    private final long rl0, rl1, rl2, rl3;
    private final long rh0, rh1, rh2, rh3;
    private final long rk0, rk1, rk2, rk3;

    private final byte[] pad = new byte[16];
    private long zHi;
    private long zLo;

    GaloisHash(byte[] h) {
        long hi = Bytes.readLong(h, 0);
        long lo = Bytes.readLong(h, 8);
        long k = hi ^ lo;
        long rhi = Long.reverse(hi);
        long rlo = Long.reverse(lo);
        long rk = rhi ^ rlo;
        l0 = lo & M0;
        l1 = lo & M1;
        l2 = lo & M2;
        l3 = lo & M3;
        h0 = hi & M0;
        h1 = hi & M1;
        h2 = hi & M2;
        h3 = hi & M3;
        k0 = k & M0;
        k1 = k & M1;
        k2 = k & M2;
        k3 = k & M3;
        rl0 = rlo & M0;
        rl1 = rlo & M1;
        rl2 = rlo & M2;
        rl3 = rlo & M3;
        rh0 = rhi & M0;
        rh1 = rhi & M1;
        rh2 = rhi & M2;
        rh3 = rhi & M3;
        rk0 = rk & M0;
        rk1 = rk & M1;
        rk2 = rk & M2;
        rk3 = rk & M3;
    }

    @Override
    public void reset() {
        zHi = 0;
        zLo = 0;
    }

    @Override
    public void update(byte[] b, int off, int len) {
        int i = 0;
        for (; i + 16 <= len; i += 16) {
            block(Bytes.readLong(b, off + i), Bytes.readLong(b, off + i + 8));
        }
        if (i < len) {
            Arrays.fill(pad, (byte) 0);
            System.arraycopy(b, off + i, pad, 0, len - i);
            block(Bytes.readLong(pad, 0), Bytes.readLong(pad, 8));
        }
    }

    @Override
    public void finish(long aadBytes, long textBytes, byte[] out) {
        block(aadBytes << 3, textBytes << 3);
        Bytes.writeLong(out, 0, zHi);
        Bytes.writeLong(out, 8, zLo);
    }

    /**
     * Low 64 bits of the carry-less product of x and y, y given as its four bit classes. Each partial product
     * x_i * y_j only has bits in class (i + j) mod 4 that matter; at most 15 of them add up in a column below bit
     * 63 (16 at bit 63 itself, whose carry leaves the word), so carries never reach the next bit of that class.
     */
    private static long mul(long x, long y0, long y1, long y2, long y3) {
        long x0 = x & M0;
        long x1 = x & M1;
        long x2 = x & M2;
        long x3 = x & M3;
        long z0 = (x0 * y0) ^ (x1 * y3) ^ (x2 * y2) ^ (x3 * y1);
        long z1 = (x0 * y1) ^ (x1 * y0) ^ (x2 * y3) ^ (x3 * y2);
        long z2 = (x0 * y2) ^ (x1 * y1) ^ (x2 * y0) ^ (x3 * y3);
        long z3 = (x0 * y3) ^ (x1 * y2) ^ (x2 * y1) ^ (x3 * y0);
        return (z0 & M0) | (z1 & M1) | (z2 & M2) | (z3 & M3);
    }

    /** Z = (Z xor X) * H. */
    private void block(long xHi, long xLo) {
        long a1 = xHi ^ zHi;
        long a0 = xLo ^ zLo;
        long ra1 = Long.reverse(a1);
        long ra0 = Long.reverse(a0);

        // Karatsuba: low words, high words, and the middle term from their xors.
        long p0 = mul(a0, l0, l1, l2, l3);
        long p1 = mul(a1, h0, h1, h2, h3);
        long p2 = mul(a0 ^ a1, k0, k1, k2, k3) ^ p0 ^ p1;
        // rev(low 64 bits of rev(a) * rev(b)) is bits 63..126 of a * b: the high word of the product shifted
        // left by one, which is the shift the reflected bit order needs anyway.
        long q0 = Long.reverse(mul(ra0, rl0, rl1, rl2, rl3));
        long q1 = Long.reverse(mul(ra1, rh0, rh1, rh2, rh3));
        long q2 = Long.reverse(mul(ra0 ^ ra1, rk0, rk1, rk2, rk3)) ^ q0 ^ q1;

        // The 256-bit product shifted left by one, most significant word first: w3 w2 w1 w0.
        long w3 = q1;
        long w2 = (p1 << 1) ^ q2;
        long w1 = q0 ^ (p2 << 1);
        long w0 = p0 << 1;

        // Fold w1:w0 (coefficients of x^128..x^255) back times x^7 + x^2 + x + 1, a right shift per term; the bits
        // the shifts push out of w0 are x^128.. again and are folded first, through w1.
        w1 ^= (w0 << 63) ^ (w0 << 62) ^ (w0 << 57);
        zHi = w3 ^ w1 ^ (w1 >>> 1) ^ (w1 >>> 2) ^ (w1 >>> 7);
        zLo = w2 ^ w0 ^ ((w0 >>> 1) | (w1 << 63)) ^ ((w0 >>> 2) | (w1 << 62)) ^ ((w0 >>> 7) | (w1 << 57));
    }
}
