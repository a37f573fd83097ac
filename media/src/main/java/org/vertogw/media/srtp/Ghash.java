package org.vertogw.media.srtp;

/**
 * GHASH under one hash subkey H (NIST SP 800-38D §6.4), as GCM uses it (§7.1 step 5): over the associated data and
 * the ciphertext, each zero-padded to whole blocks, then the block of their bit lengths. One instance serves every
 * packet of a context; implementations allocate nothing per packet and are not thread-safe.
 * <p>
 * Two implementations, chosen once per JVM by {@link #forKey}: the JDK's own GHASH, whose block loop HotSpot
 * replaces with a carry-less multiply instruction (PCLMULQDQ, PMULL), and {@link GaloisHash}, pure Java, where the
 * JDK's is out of reach (see {@link JdkGhash}).
 */
sealed interface Ghash permits GaloisHash, JdkGhash {

    /** GHASH under {@code h} (16 bytes, E(K, 0^128)), by the fastest implementation this JVM allows. */
    static Ghash forKey(byte[] h) {
        return JdkGhash.AVAILABLE ? new JdkGhash(h) : new GaloisHash(h);
    }

    /** Starts a new message: Y_0 = 0^128. */
    void reset();

    /** Absorbs {@code len} bytes, zero-padding the last partial block (each GCM input is padded separately). */
    void update(byte[] b, int off, int len);

    /** Absorbs the length block, len(A) || len(C) in bits, and writes the hash into {@code out[0..16)}. */
    void finish(long aadBytes, long textBytes, byte[] out);
}
