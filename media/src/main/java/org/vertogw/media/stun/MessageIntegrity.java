package org.vertogw.media.stun;

import java.nio.charset.StandardCharsets;
import org.vertogw.media.crypto.HmacSha1;

/**
 * MESSAGE-INTEGRITY (RFC 8489 §14.5): HMAC-SHA1 over the message up to the attribute, with the header length
 * field already counting the attribute itself. ICE uses short-term credentials (RFC 8445 §7.2.2): the key is the
 * ice-pwd as UTF-8 bytes (no SASLprep, ICE passwords are ASCII).
 * <p>
 * Every leg checks and signs about one message per second, on the media thread. An ICE agent therefore keeps a
 * {@link Key} per password, its HMAC pads computed once: {@code Mac.getInstance} and re-keying cost a provider
 * lookup and garbage per message, and {@code Mac.doFinal} allocates its result.
 */
public final class MessageIntegrity {

    public static final int LENGTH = 20;

    private MessageIntegrity() {}

    public static byte[] shortTermKey(String password) {
        return password.getBytes(StandardCharsets.UTF_8);
    }

    /** A short-term credential's key with its own HMAC; used by one thread at a time. */
    public static final class Key {
        private final HmacSha1 mac;
        private final byte[] scratch = new byte[LENGTH];

        private Key(byte[] key) {
            mac = new HmacSha1(key);
        }

        /** The key of an ICE password (RFC 8445 §7.2.2). */
        public static Key of(String password) {
            return new Key(shortTermKey(password));
        }

        public static Key of(byte[] key) {
            return new Key(key);
        }

        /**
         * HMAC over the message at {@code msg[base..base+attrOffset)} where the header's length field is taken as
         * {@code lengthField} instead of what the buffer holds (the buffer is not modified), written into
         * {@code out[outOff..]}.
         */
        void compute(byte[] msg, int base, int attrOffset, int lengthField, byte[] out, int outOff) {
            mac.start();
            mac.update(msg, base, 2);
            mac.update((byte) (lengthField >>> 8));
            mac.update((byte) lengthField);
            mac.update(msg, base + 4, attrOffset - 4);
            mac.finish(out, outOff);
        }

        /** Scratch for a computed value that verification compares against. */
        byte[] scratch() {
            return scratch;
        }
    }

    /** As {@link Key#compute}, with a one-off key (tests, tools). */
    static byte[] compute(byte[] key, byte[] msg, int attrOffset, int lengthField) {
        byte[] out = new byte[LENGTH];
        Key.of(key).compute(msg, 0, attrOffset, lengthField, out, 0);
        return out;
    }
}
