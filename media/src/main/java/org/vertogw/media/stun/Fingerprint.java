package org.vertogw.media.stun;

import java.util.zip.CRC32;

/** FINGERPRINT (RFC 8489 §14.7): CRC-32 of the message up to the attribute, XOR 0x5354554e ("STUN"). */
public final class Fingerprint {

    static final int XOR = 0x5354554E;

    private Fingerprint() {}

    /**
     * The FINGERPRINT value for the message at {@code msg[base..]} whose attribute starts at {@code attrOffset}
     * (from the message start), with the header's length field taken as {@code lengthField}. {@code crc} is the
     * caller's, reused.
     */
    static int compute(CRC32 crc, byte[] msg, int base, int attrOffset, int lengthField) {
        crc.reset();
        crc.update(msg, base, 2);
        crc.update(lengthField >>> 8);
        crc.update(lengthField);
        crc.update(msg, base + 4, attrOffset - 4);
        return (int) crc.getValue() ^ XOR;
    }
}
