package org.vertogw.media.srtp;

import org.vertogw.media.rtp.Bytes;

/**
 * Counter-mode keystream over {@link AesBlock}: the counter is the last 32 bits of a 16-byte block, big-endian,
 * incremented per block. This is SRTP's AES-CM (RFC 3711 §4.1.1, whose 16-bit block counter sits in the low bits of
 * an IV that ends in zeros) and GCM's GCTR with inc32 (NIST SP 800-38D §6.5). The counter blocks and keystream
 * live in the thread's {@link SrtpScratch}.
 */
final class AesCounterMode implements AesCtr {

    static final int MAX_BLOCKS = 128;

    private final AesBlock aes;

    AesCounterMode(AesBlock aes) {
        this.aes = aes;
    }

    /** XORs the keystream starting at counter block {@code iv} into {@code buf[off..off+len)}; len ≤ 2048. */
    @Override
    public void apply(byte[] iv, byte[] buf, int off, int len) {
        if (len <= 0) {
            return;
        }
        byte[] keystream = generate(iv, (len + 15) >>> 4);
        Bytes.xor(keystream, 0, buf, off, len);
    }

    /**
     * Computes {@code blocks} keystream blocks from counter block {@code iv} in one pass over the cipher, into the
     * thread's scratch, which it returns: valid until the thread's next call. GCM uses block 0 for the tag mask and
     * the rest for data.
     */
    byte[] generate(byte[] iv, int blocks) {
        if (blocks > MAX_BLOCKS) {
            throw new IllegalArgumentException(blocks + " blocks exceed " + MAX_BLOCKS);
        }
        SrtpScratch x = SrtpScratch.current();
        byte[] counters = x.counters;
        long hi = Bytes.readLong(iv, 0);
        int mid = Bytes.readInt(iv, 8);
        int ctr = Bytes.readInt(iv, 12);
        for (int i = 0; i < blocks; i++) {
            int p = i << 4;
            Bytes.writeLong(counters, p, hi);
            Bytes.writeInt(counters, p + 8, mid);
            Bytes.writeInt(counters, p + 12, ctr + i);
        }
        aes.encrypt(counters, 0, blocks << 4, x.keystream, 0);
        return x.keystream;
    }

    /** Block 0 of the keystream is the mask; the rest stays in the thread's scratch for {@link #xorData}. */
    @Override
    public void startGcm(byte[] j0, byte[] mask, int dataLength) {
        byte[] keystream = generate(j0, 1 + ((dataLength + 15) >>> 4));
        System.arraycopy(keystream, 0, mask, 0, 16);
    }

    @Override
    public void xorData(byte[] buf, int off, int len) {
        Bytes.xor(SrtpScratch.current().keystream, 16, buf, off, len);
    }

    @Override
    public byte[] hashSubkey() {
        byte[] h = new byte[16];
        aes.encrypt(new byte[16], 0, 16, h, 0);
        return h;
    }
}
