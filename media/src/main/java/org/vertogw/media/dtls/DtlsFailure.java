package org.vertogw.media.dtls;

/** Why a DTLS handshake failed; the relay turns it into the call's end cause. */
public enum DtlsFailure {
    /** The peer's certificate does not hash to its SDP a=fingerprint (RFC 8122 §5, RFC 5763 §5). */
    FINGERPRINT_MISMATCH,
    /** The peer sent no certificate, or one we cannot parse. */
    BAD_CERTIFICATE,
    /** No SRTP protection profile in common, or none negotiated (RFC 5764 §4.1.2). */
    NO_SRTP_PROFILE,
    /** No cipher suite in common: our certificate's key type and the peer's offer do not meet (RFC 5246 §7.4.1.3). */
    NO_COMMON_CIPHER_SUITE,
    /** The peer accepts no signature algorithm our certificate's key can make (RFC 5246 §7.4.1.4.1). */
    NO_COMMON_SIGNATURE_ALGORITHM,
    /** The peer ended the handshake with an alert (it refused our certificate, suites or signature). */
    PEER_ALERT,
    /** The handshake pool is full: too many handshakes in flight on this engine. */
    OVERLOADED,
    /** No handshake within the configured timeout, retransmissions included. */
    TIMEOUT,
    /** Any other alert or protocol error. */
    HANDSHAKE_ERROR
}
