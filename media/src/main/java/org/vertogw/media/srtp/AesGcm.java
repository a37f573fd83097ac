package org.vertogw.media.srtp;

import org.vertogw.media.rtp.Bytes;

/**
 * AES-GCM with a 96-bit IV and a 128-bit tag (NIST SP 800-38D §7), built from {@link AesCounterMode} and
 * {@link Ghash} so that one instance serves every packet of a context without re-initialisation: the JCA's
 * GCM cipher must be re-initialised (and allocates) for every IV. The associated data must be one contiguous
 * region, because GHASH pads it as a whole.
 */
final class AesGcm {

    static final int TAG_LENGTH = 16;

    private final AesCounterMode ctr;
    private final Ghash ghash;
    private final byte[] counter = new byte[16];
    private final byte[] s = new byte[16];
    private final byte[] mask = new byte[16];

    AesGcm(byte[] key) {
        this.ctr = new AesCounterMode(new AesBlock(key));
        byte[] h = new byte[16];
        ctr.encryptBlock(new byte[16], h);
        this.ghash = Ghash.forKey(h);
    }

    /** Encrypts {@code buf[off..off+len)} in place and writes the tag at {@code tag[tagOff..tagOff+16)}. */
    void seal(byte[] iv, byte[] aad, int aadOff, int aadLen, byte[] buf, int off, int len, byte[] tag, int tagOff) {
        keystream(iv, len);
        ctr.xorFrom(1, buf, off, len);
        hash(aad, aadOff, aadLen, buf, off, len);
        System.arraycopy(s, 0, tag, tagOff, TAG_LENGTH);
    }

    /** Verifies the tag at {@code tag[tagOff..]}, then decrypts in place; false (buffer untouched) on mismatch. */
    boolean open(byte[] iv, byte[] aad, int aadOff, int aadLen, byte[] buf, int off, int len, byte[] tag, int tagOff) {
        keystream(iv, len);
        hash(aad, aadOff, aadLen, buf, off, len);
        if (!Bytes.constantTimeEquals(s, 0, tag, tagOff, TAG_LENGTH)) {
            return false;
        }
        ctr.xorFrom(1, buf, off, len);
        return true;
    }

    /** One cipher pass: block 0 is E(K, J0) (the tag mask), blocks 1.. encrypt the data (SP 800-38D §7.1). */
    private void keystream(byte[] iv, int len) {
        counterBlock(iv, 1);
        ctr.generate(counter, 1 + ((len + 15) >>> 4));
        ctr.keystreamBlock(0, mask);
    }

    private void hash(byte[] aad, int aadOff, int aadLen, byte[] text, int off, int len) {
        ghash.reset();
        ghash.update(aad, aadOff, aadLen);
        ghash.update(text, off, len);
        ghash.finish(aadLen, len, s);
        Bytes.xor(mask, 0, s, 0, TAG_LENGTH);
    }

    /** {@code counter = iv[0..12) || be32(n)}; iv may be the counter array itself. */
    private void counterBlock(byte[] iv, int n) {
        if (iv != counter) {
            System.arraycopy(iv, 0, counter, 0, 12);
        }
        Bytes.writeInt(counter, 12, n);
    }
}
