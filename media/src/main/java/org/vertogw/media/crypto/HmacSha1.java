package org.vertogw.media.crypto;

import java.security.DigestException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;

/**
 * HMAC-SHA1 (RFC 2104) over the JCA's SHA-1 with the pads precomputed, for SRTP authentication and STUN
 * MESSAGE-INTEGRITY. Written out rather than taken from {@code javax.crypto.Mac} because
 * {@code Mac.doFinal(byte[], int)} allocates its result on every call; this writes into a caller-owned buffer and
 * allocates nothing. Used by one thread at a time.
 */
public final class HmacSha1 {

    public static final int LENGTH = 20;

    private final MessageDigest sha1;
    private final byte[] ipad = new byte[64];
    private final byte[] opad = new byte[64];
    private final byte[] inner = new byte[LENGTH];

    public HmacSha1(byte[] key) {
        try {
            sha1 = MessageDigest.getInstance("SHA-1");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-1 unavailable", e);
        }
        if (key.length > 64) {
            key = sha1.digest(key); // RFC 2104 §2: a key longer than the block is hashed first
        }
        for (int i = 0; i < 64; i++) {
            byte k = i < key.length ? key[i] : 0;
            ipad[i] = (byte) (k ^ 0x36);
            opad[i] = (byte) (k ^ 0x5C);
        }
        sha1.reset();
    }

    /** Starts a MAC computation; follow with {@link #update} calls and one {@link #finish}. */
    public void start() {
        sha1.reset();
        sha1.update(ipad, 0, 64);
    }

    public void update(byte[] b, int off, int len) {
        sha1.update(b, off, len);
    }

    public void update(byte b) {
        sha1.update(b);
    }

    /** Writes the 20-byte MAC into {@code out[off..off+20)}. */
    public void finish(byte[] out, int off) {
        try {
            sha1.digest(inner, 0, LENGTH);
            sha1.update(opad, 0, 64);
            sha1.update(inner, 0, LENGTH);
            sha1.digest(out, off, LENGTH);
        } catch (DigestException e) {
            throw new IllegalStateException(e);
        }
    }
}
