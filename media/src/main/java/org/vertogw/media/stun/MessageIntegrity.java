package org.vertogw.media.stun;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * MESSAGE-INTEGRITY (RFC 8489 §14.5): HMAC-SHA1 over the message up to the attribute, with the header length
 * field already counting the attribute itself. ICE uses short-term credentials (RFC 8445 §7.2.2): the key is the
 * ice-pwd as UTF-8 bytes (no SASLprep, ICE passwords are ASCII).
 */
public final class MessageIntegrity {

    public static final int LENGTH = 20;

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
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key.length == 0 ? new byte[1] : key, "HmacSHA1"));
            mac.update(msg, 0, 2);
            mac.update((byte) (lengthField >>> 8));
            mac.update((byte) lengthField);
            mac.update(msg, 4, attrOffset - 4);
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 unavailable", e);
        }
    }
}
