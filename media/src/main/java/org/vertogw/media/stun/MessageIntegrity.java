package org.vertogw.media.stun;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.ShortBufferException;
import javax.crypto.spec.SecretKeySpec;

/**
 * MESSAGE-INTEGRITY (RFC 8489 §14.5): HMAC-SHA1 over the message up to the attribute, with the header length
 * field already counting the attribute itself. ICE uses short-term credentials (RFC 8445 §7.2.2): the key is the
 * ice-pwd as UTF-8 bytes (no SASLprep, ICE passwords are ASCII).
 * <p>
 * Every leg checks and signs about one message per second, all on the media thread: one {@link Mac} per thread,
 * re-keyed only when the key changes, avoids the provider lookup and the kilobytes of garbage that
 * {@code Mac.getInstance} costs per message.
 */
public final class MessageIntegrity {

    public static final int LENGTH = 20;

    private static final ThreadLocal<KeyedMac> MACS = ThreadLocal.withInitial(KeyedMac::new);

    private MessageIntegrity() {
    }

    public static byte[] shortTermKey(String password) {
        return password.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * HMAC over {@code msg[0..attrOffset)} where the header's length field is taken as {@code lengthField}
     * instead of what the buffer holds (the buffer is not modified).
     */
    static byte[] compute(byte[] key, byte[] msg, int attrOffset, int lengthField) {
        byte[] out = new byte[LENGTH];
        compute(key, msg, attrOffset, lengthField, out, 0);
        return out;
    }

    /** As {@link #compute(byte[], byte[], int, int)}, writing the 20 bytes into {@code out[outOff..]}. */
    static void compute(byte[] key, byte[] msg, int attrOffset, int lengthField, byte[] out, int outOff) {
        Mac mac = MACS.get().keyed(key);
        mac.update(msg, 0, 2);
        mac.update((byte) (lengthField >>> 8));
        mac.update((byte) lengthField);
        mac.update(msg, 4, attrOffset - 4);
        try {
            mac.doFinal(out, outOff);
        } catch (ShortBufferException e) {
            throw new IllegalArgumentException("no room for MESSAGE-INTEGRITY at " + outOff, e);
        }
    }

    /** Scratch for a computed value, per thread (verification compares against it). */
    static byte[] scratch() {
        return MACS.get().scratch;
    }

    private static final class KeyedMac {
        private final Mac mac;
        private final byte[] scratch = new byte[LENGTH];
        private byte[] key;

        KeyedMac() {
            try {
                mac = Mac.getInstance("HmacSHA1");
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA1 unavailable", e);
            }
        }

        Mac keyed(byte[] k) {
            if (key == null || !Arrays.equals(key, k)) {
                try {
                    mac.init(new SecretKeySpec(k.length == 0 ? new byte[1] : k, "HmacSHA1"));
                } catch (GeneralSecurityException e) {
                    throw new IllegalStateException("HmacSHA1 rejected a key", e);
                }
                key = k.clone();
            }
            return mac;
        }
    }
}
