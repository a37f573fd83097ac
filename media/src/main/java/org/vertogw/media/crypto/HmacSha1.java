package org.vertogw.media.crypto;

import java.security.DigestException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;

/**
 * HMAC-SHA1 (RFC 2104) over the JCA's SHA-1 with the pads precomputed, for SRTP authentication and STUN
 * MESSAGE-INTEGRITY. Written out rather than taken from {@code javax.crypto.Mac} because
 * {@code Mac.doFinal(byte[], int)} allocates its result on every call; this writes into a caller-owned buffer and
 * allocates nothing.
 * <p>
 * A key holds only its two pads; the SHA-1 engine is the thread's. A relay's media thread goes through hundreds of
 * keys, one packet each, so an engine per key was cold in cache at every packet. One computation, from
 * {@link #start} to {@link #finish}, must therefore not interleave with another on the same thread.
 */
public final class HmacSha1 {

    public static final int LENGTH = 20;

    private static final ThreadLocal<Engine> ENGINE = ThreadLocal.withInitial(Engine::new);

    /** The thread's SHA-1 and the inner hash between the two passes. */
    private static final class Engine {
        final MessageDigest sha1;
        final byte[] inner = new byte[LENGTH];

        Engine() {
            try {
                sha1 = MessageDigest.getInstance("SHA-1");
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("SHA-1 unavailable", e);
            }
        }
    }

    /** ipad in [0, 64), opad in [64, 128). */
    private final byte[] pads = new byte[128];

    private Engine active;

    public HmacSha1(byte[] key) {
        if (key.length > 64) {
            key = new Engine().sha1.digest(key); // RFC 2104 §2: a key longer than the block is hashed first
        }
        for (int i = 0; i < 64; i++) {
            byte k = i < key.length ? key[i] : 0;
            pads[i] = (byte) (k ^ 0x36);
            pads[64 + i] = (byte) (k ^ 0x5C);
        }
    }

    /** Starts a MAC computation; follow with {@link #update} calls and one {@link #finish}, on this thread. */
    public void start() {
        Engine e = ENGINE.get();
        active = e;
        e.sha1.reset();
        e.sha1.update(pads, 0, 64);
    }

    public void update(byte[] b, int off, int len) {
        active.sha1.update(b, off, len);
    }

    public void update(byte b) {
        active.sha1.update(b);
    }

    /** Writes the 20-byte MAC into {@code out[off..off+20)}. */
    public void finish(byte[] out, int off) {
        Engine e = active;
        active = null;
        try {
            e.sha1.digest(e.inner, 0, LENGTH);
            e.sha1.update(pads, 64, 64);
            e.sha1.update(e.inner, 0, LENGTH);
            e.sha1.digest(out, off, LENGTH);
        } catch (DigestException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
