package org.vertogw.media.stun;

/**
 * A datagram that is not a well-formed STUN message; the message names the place ("attribute 0x0024 at offset 28").
 * Without a stack trace: it is an answer about the datagram, not about our code, and garbage may arrive at line rate.
 */
public final class StunDecodeException extends Exception {

    private static final long serialVersionUID = 1L;

    public StunDecodeException(String message) {
        super(message, null, false, false);
    }
}
