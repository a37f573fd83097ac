package org.vertogw.media.rtp;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** Big-endian reads and writes on byte arrays, as every RTP, RTCP and STUN field is in network order. */
public final class Bytes {

    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private Bytes() {}

    public static int readInt(byte[] b, int off) {
        return (int) INT.get(b, off);
    }

    public static void writeInt(byte[] b, int off, int v) {
        INT.set(b, off, v);
    }

    public static long readLong(byte[] b, int off) {
        return (long) LONG.get(b, off);
    }

    public static void writeLong(byte[] b, int off, long v) {
        LONG.set(b, off, v);
    }

    public static int readShort(byte[] b, int off) {
        return ((b[off] & 0xFF) << 8) | (b[off + 1] & 0xFF);
    }

    public static void writeShort(byte[] b, int off, int v) {
        b[off] = (byte) (v >>> 8);
        b[off + 1] = (byte) v;
    }

    /** {@code dst[dOff..] ^= src[sOff..]} for {@code len} bytes, eight at a time. */
    public static void xor(byte[] src, int sOff, byte[] dst, int dOff, int len) {
        int i = 0;
        for (; i + 8 <= len; i += 8) {
            LONG.set(dst, dOff + i, (long) LONG.get(dst, dOff + i) ^ (long) LONG.get(src, sOff + i));
        }
        for (; i < len; i++) {
            dst[dOff + i] ^= src[sOff + i];
        }
    }

    /** Compares in time independent of where the first difference is (tags and MACs). */
    public static boolean constantTimeEquals(byte[] a, int aOff, byte[] b, int bOff, int len) {
        int d = 0;
        for (int i = 0; i < len; i++) {
            d |= a[aOff + i] ^ b[bOff + i];
        }
        return d == 0;
    }

    public static String hex(byte[] b, int off, int len) {
        StringBuilder sb = new StringBuilder(len * 2);
        for (int i = 0; i < len; i++) {
            sb.append(Character.forDigit((b[off + i] >> 4) & 0xF, 16)).append(Character.forDigit(b[off + i] & 0xF, 16));
        }
        return sb.toString();
    }

    public static byte[] fromHex(String s) {
        String h = s.replaceAll("\\s", "");
        if (h.length() % 2 != 0) {
            throw new IllegalArgumentException("odd number of hex digits");
        }
        byte[] out = new byte[h.length() / 2];
        for (int i = 0; i < out.length; i++) {
            int hi = Character.digit(h.charAt(2 * i), 16);
            int lo = Character.digit(h.charAt(2 * i + 1), 16);
            if (hi < 0 || lo < 0) {
                throw new IllegalArgumentException("not a hex digit at " + 2 * i);
            }
            out[i] = (byte) (hi << 4 | lo);
        }
        return out;
    }
}
