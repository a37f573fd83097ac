package org.vertogw.media.stun;

import java.util.zip.CRC32;

/** FINGERPRINT (RFC 8489 §14.7): CRC-32 of the message up to the attribute, XOR 0x5354554e ("STUN"). */
public final class Fingerprint {

    static final int XOR = 0x5354554E;

    private Fingerprint() {
    }

    static int compute(byte[] msg, int attrOffset, int lengthField) {
        CRC32 crc = new CRC32();
        crc.update(msg, 0, 2);
        crc.update(lengthField >>> 8);
        crc.update(lengthField);
        crc.update(msg, 4, attrOffset - 4);
        return (int) crc.getValue() ^ XOR;
    }
}
