package org.vertogw.media.srtp;

import org.vertogw.media.crypto.HmacSha1;

/**
 * The working memory of the SRTP transforms, one per thread. A relay's media thread goes through hundreds of
 * contexts, one packet each: buffers held per context were cold in cache at every packet (with 8,192 contexts in
 * rotation, {@code SrtpBenchmark.protectRotating} ran four times slower than with one), while one set per thread
 * stays hot. Nothing is kept in it from one protect or unprotect call to the next.
 */
final class SrtpScratch {

    private static final ThreadLocal<SrtpScratch> PER_THREAD = ThreadLocal.withInitial(SrtpScratch::new);

    /** Counter blocks and their encryption, for {@link AesCounterMode}. */
    final byte[] counters = new byte[AesCounterMode.MAX_BLOCKS * 16];

    final byte[] keystream = new byte[AesCounterMode.MAX_BLOCKS * 16];
    /** The transforms' IV, associated data, tag, MAC and 32-bit word (ROC or SRTCP index). */
    final byte[] iv = new byte[16];

    final byte[] aad = new byte[12];
    final byte[] tag = new byte[16];
    final byte[] digest = new byte[HmacSha1.LENGTH];
    final byte[] word = new byte[4];
    /** {@link AesGcm}'s counter block, hash and tag mask. */
    final byte[] counter = new byte[16];

    final byte[] hash = new byte[16];
    final byte[] mask = new byte[16];

    private SrtpScratch() {}

    static SrtpScratch current() {
        return PER_THREAD.get();
    }
}
