package org.vertogw.media.srtp;

import org.vertogw.media.rtp.Bytes;

/**
 * AES-GCM with a 96-bit IV and a 128-bit tag (NIST SP 800-38D §7), built from {@link AesCtr} and
 * {@link Ghash} so that one instance serves every packet of a context without re-initialisation: the JCA's
 * GCM cipher must be re-initialised (and allocates) for every IV. The associated data must be one contiguous
 * region, because GHASH pads it as a whole.
 */
final class AesGcm {

    static final int TAG_LENGTH = 16;

    private final AesCtr ctr;
    private final Ghash ghash;

    AesGcm(byte[] key) {
        this.ctr = AesCtr.forKey(key);
        this.ghash = Ghash.forKey(ctr.hashSubkey());
    }

    /**
     * Encrypts {@code buf[off..off+len)} in place and writes the tag at {@code tag[tagOff..tagOff+16)}, working in
     * {@code x}, the calling thread's scratch.
     */
    void seal(
            SrtpScratch x,
            byte[] iv,
            byte[] aad,
            int aadOff,
            int aadLen,
            byte[] buf,
            int off,
            int len,
            byte[] tag,
            int tagOff) {
        start(x, iv, len);
        ctr.xorData(buf, off, len);
        hash(x, aad, aadOff, aadLen, buf, off, len);
        System.arraycopy(x.hash, 0, tag, tagOff, TAG_LENGTH);
    }

    /** Verifies the tag at {@code tag[tagOff..]}, then decrypts in place; false (buffer untouched) on mismatch. */
    boolean open(
            SrtpScratch x,
            byte[] iv,
            byte[] aad,
            int aadOff,
            int aadLen,
            byte[] buf,
            int off,
            int len,
            byte[] tag,
            int tagOff) {
        start(x, iv, len);
        hash(x, aad, aadOff, aadLen, buf, off, len);
        if (!Bytes.constantTimeEquals(x.hash, 0, tag, tagOff, TAG_LENGTH)) {
            return false;
        }
        ctr.xorData(buf, off, len);
        return true;
    }

    /** J0 = iv || be32(1); the tag mask E(K, J0) into the scratch, the data's keystream from J0 + 1 readied (§7.1). */
    private void start(SrtpScratch x, byte[] iv, int len) {
        System.arraycopy(iv, 0, x.counter, 0, 12);
        Bytes.writeInt(x.counter, 12, 1);
        ctr.startGcm(x.counter, x.mask, len);
    }

    private void hash(SrtpScratch x, byte[] aad, int aadOff, int aadLen, byte[] text, int off, int len) {
        ghash.reset();
        ghash.update(aad, aadOff, aadLen);
        ghash.update(text, off, len);
        ghash.finish(aadLen, len, x.hash);
        Bytes.xor(x.mask, 0, x.hash, 0, TAG_LENGTH);
    }
}
