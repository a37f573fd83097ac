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

    AesGcm(byte[] key) {
        this.ctr = new AesCounterMode(new AesBlock(key));
        byte[] h = new byte[16];
        ctr.encryptBlock(new byte[16], h);
        this.ghash = Ghash.forKey(h);
    }

    /** Encrypts {@code buf[off..off+len)} in place and writes the tag at {@code tag[tagOff..tagOff+16)}. */
    void seal(byte[] iv, byte[] aad, int aadOff, int aadLen, byte[] buf, int off, int len, byte[] tag, int tagOff) {
        SrtpScratch x = SrtpScratch.current();
        byte[] keystream = keystream(x, iv, len);
        Bytes.xor(keystream, 16, buf, off, len);
        hash(x, aad, aadOff, aadLen, buf, off, len);
        System.arraycopy(x.hash, 0, tag, tagOff, TAG_LENGTH);
    }

    /** Verifies the tag at {@code tag[tagOff..]}, then decrypts in place; false (buffer untouched) on mismatch. */
    boolean open(byte[] iv, byte[] aad, int aadOff, int aadLen, byte[] buf, int off, int len, byte[] tag, int tagOff) {
        SrtpScratch x = SrtpScratch.current();
        byte[] keystream = keystream(x, iv, len);
        hash(x, aad, aadOff, aadLen, buf, off, len);
        if (!Bytes.constantTimeEquals(x.hash, 0, tag, tagOff, TAG_LENGTH)) {
            return false;
        }
        Bytes.xor(keystream, 16, buf, off, len);
        return true;
    }

    /**
     * One cipher pass from J0 = iv || be32(1): block 0 is E(K, J0), the tag mask, kept aside; blocks 1.. encrypt the
     * data (SP 800-38D §7.1). Returns the keystream (the thread's scratch).
     */
    private byte[] keystream(SrtpScratch x, byte[] iv, int len) {
        System.arraycopy(iv, 0, x.counter, 0, 12);
        Bytes.writeInt(x.counter, 12, 1);
        byte[] keystream = ctr.generate(x.counter, 1 + ((len + 15) >>> 4));
        System.arraycopy(keystream, 0, x.mask, 0, 16);
        return keystream;
    }

    private void hash(SrtpScratch x, byte[] aad, int aadOff, int aadLen, byte[] text, int off, int len) {
        ghash.reset();
        ghash.update(aad, aadOff, aadLen);
        ghash.update(text, off, len);
        ghash.finish(aadLen, len, x.hash);
        Bytes.xor(x.mask, 0, x.hash, 0, TAG_LENGTH);
    }
}
