package org.vertogw.media.srtp;

/**
 * AES in counter mode under one key, as SRTP's AES-CM (RFC 3711 §4.1.1) and GCM's GCTR (NIST SP 800-38D §6.5) use
 * it. The two agree here because no packet comes near wrapping the counter's low 16 (AES-CM) or 32 (GCM inc32) bits.
 * Two implementations, chosen once per JVM by {@link #forKey}: the JDK's counter mode, whose block loop HotSpot
 * replaces with AES-NI code that encrypts several blocks at once ({@link JdkAesCtr}), and {@link AesCounterMode}
 * over a JCA ECB cipher. Neither allocates per packet; neither is thread-safe.
 */
sealed interface AesCtr permits AesCounterMode, JdkAesCtr {

    /** Counter mode under {@code key} (16 bytes), by the fastest implementation this JVM allows. */
    static AesCtr forKey(byte[] key) {
        return JdkAesCtr.AVAILABLE ? new JdkAesCtr(key) : new AesCounterMode(new AesBlock(key));
    }

    /** XORs the keystream that starts at counter block {@code iv} into {@code buf[off..off+len)}. */
    void apply(byte[] iv, byte[] buf, int off, int len);

    /**
     * GCM's first steps (SP 800-38D §7.1): writes E(K, {@code j0}) into {@code mask[0..16)} and readies the
     * keystream from j0 + 1 for {@link #xorData}, for {@code dataLength} bytes. {@code mask} must not be {@code j0}.
     */
    void startGcm(byte[] j0, byte[] mask, int dataLength);

    /** XORs the keystream readied by {@link #startGcm} into {@code buf[off..off+len)}; once per packet. */
    void xorData(byte[] buf, int off, int len);

    /** GCM's hash subkey H = E(K, 0^128) (SP 800-38D §6.4). */
    byte[] hashSubkey();
}
