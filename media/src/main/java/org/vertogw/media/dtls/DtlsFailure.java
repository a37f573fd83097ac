package org.vertogw.media.dtls;

/** Why a DTLS handshake failed; the relay turns it into the call's end cause. */
public enum DtlsFailure {
    /** The peer's certificate does not hash to its SDP a=fingerprint (RFC 8122 §5, RFC 5763 §5). */
    FINGERPRINT_MISMATCH,
    /** The peer sent no certificate, or one we cannot parse. */
    BAD_CERTIFICATE,
    /** No SRTP protection profile in common, or none negotiated (RFC 5764 §4.1.2). */
    NO_SRTP_PROFILE,
    /** No handshake within the configured timeout, retransmissions included. */
    TIMEOUT,
    /** Any other alert or protocol error. */
    HANDSHAKE_ERROR
}
