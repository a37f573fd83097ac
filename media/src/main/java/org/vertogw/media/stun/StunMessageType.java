package org.vertogw.media.stun;

/**
 * Packs and unpacks the 14-bit STUN message type (RFC 8489 §5): the class bits C1 C0 sit at bit 8 and bit 4,
 * interleaved with the 12 method bits M11..M0.
 */
public final class StunMessageType {

    /** The only method ICE uses (RFC 8489 §18.1). */
    public static final int BINDING = 0x001;

    private StunMessageType() {}

    public static int encode(StunClass cls, int method) {
        int c = cls.bits();
        return (method & 0x000F)
                | ((method & 0x0070) << 1)
                | ((method & 0x0F80) << 2)
                | ((c & 0b01) << 4)
                | ((c & 0b10) << 7);
    }

    public static StunClass classOf(int type) {
        return StunClass.ofBits(((type >>> 4) & 0b01) | ((type >>> 7) & 0b10));
    }

    public static int methodOf(int type) {
        return (type & 0x000F) | ((type >>> 1) & 0x0070) | ((type >>> 2) & 0x0F80);
    }
}
