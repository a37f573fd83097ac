package org.vertogw.media.stun;

/** The two class bits of a STUN message type (RFC 8489 §5). */
public enum StunClass {
    REQUEST(0b00),
    INDICATION(0b01),
    SUCCESS_RESPONSE(0b10),
    ERROR_RESPONSE(0b11);

    /** Indexed by the class bits; {@code values()} would copy its array on every message. */
    private static final StunClass[] BY_BITS = values();

    private final int bits;

    StunClass(int bits) {
        this.bits = bits;
    }

    int bits() {
        return bits;
    }

    static StunClass ofBits(int bits) {
        return BY_BITS[bits & 0b11];
    }
}
