package org.vertogw.media.stun;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.ShortBufferException;
import javax.crypto.spec.SecretKeySpec;

/**
 * STUN transaction ids (RFC 8489 §6: uniform over 96 bits and cryptographically random): AES-128 over a counter
 * under a random key, one generator per thread. {@code SecureRandom.nextBytes} allocates 56 to 220 bytes a call,
 * and an island leg sends a check every second for the whole call.
 */
final class TransactionIds {

    private static final ThreadLocal<TransactionIds> PER_THREAD = ThreadLocal.withInitial(TransactionIds::new);

    private final Cipher aes;
    private final byte[] counter = new byte[16];
    private final byte[] block = new byte[16];
    private long next;

    private TransactionIds() {
        byte[] key = new byte[16];
        SecureRandom random = new SecureRandom();
        random.nextBytes(key);
        random.nextBytes(counter);
        try {
            aes = Cipher.getInstance("AES/ECB/NoPadding");
            aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES unavailable", e);
        }
    }

    /** Writes a fresh 12-byte transaction id at {@code dst[off..off+12)}. */
    static void next(byte[] dst, int off) {
        PER_THREAD.get().fill(dst, off);
    }

    private void fill(byte[] dst, int off) {
        long n = next++;
        for (int i = 0; i < 8; i++) {
            counter[8 + i] = (byte) (n >>> (56 - 8 * i));
        }
        try {
            aes.update(counter, 0, 16, block, 0);
        } catch (ShortBufferException e) {
            throw new IllegalStateException(e);
        }
        System.arraycopy(block, 0, dst, off, 12);
    }
}
