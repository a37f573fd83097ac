package org.vertogw.media.transport;

import org.vertogw.media.dtls.DtlsFailure;

/** Why a leg died: what the signaling side maps to a hangup cause, with one exhaustive switch. */
public enum LegFailure {
    /** Connected once, then the peer stopped answering consent checks (RFC 7675 §5.1). */
    CONSENT_EXPIRED,
    /** ICE never connected: no check succeeded before the failure timer (RFC 8445 §7.2.5.3). */
    ICE_FAILED,
    /** The peer's certificate does not hash to its SDP a=fingerprint (RFC 5763 §5). */
    DTLS_FINGERPRINT_MISMATCH,
    /** The peer sent no certificate, or one we could not read. */
    DTLS_BAD_CERTIFICATE,
    /** No SRTP protection profile in common (RFC 5764 §4.1.2). */
    DTLS_NO_SRTP_PROFILE,
    /** No DTLS cipher suite in common. */
    DTLS_NO_COMMON_CIPHER_SUITE,
    /** No DTLS signature algorithm in common. */
    DTLS_NO_COMMON_SIGNATURE_ALGORITHM,
    /** The peer ended the handshake with an alert. */
    DTLS_PEER_ALERT,
    /** No handshake within the configured time. */
    DTLS_TIMEOUT,
    /** Any other handshake error. */
    DTLS_HANDSHAKE_ERROR;

    static LegFailure of(DtlsFailure f) {
        return switch (f) {
            case FINGERPRINT_MISMATCH -> DTLS_FINGERPRINT_MISMATCH;
            case BAD_CERTIFICATE -> DTLS_BAD_CERTIFICATE;
            case NO_SRTP_PROFILE -> DTLS_NO_SRTP_PROFILE;
            case NO_COMMON_CIPHER_SUITE -> DTLS_NO_COMMON_CIPHER_SUITE;
            case NO_COMMON_SIGNATURE_ALGORITHM -> DTLS_NO_COMMON_SIGNATURE_ALGORITHM;
            case PEER_ALERT -> DTLS_PEER_ALERT;
            case TIMEOUT -> DTLS_TIMEOUT;
            case HANDSHAKE_ERROR -> DTLS_HANDSHAKE_ERROR;
        };
    }

    /** A few words for a hangup reason or a log line. */
    public String describe() {
        return switch (this) {
            case CONSENT_EXPIRED -> "ICE consent expired";
            case ICE_FAILED -> "ICE failed";
            case DTLS_FINGERPRINT_MISMATCH -> "DTLS fingerprint mismatch";
            case DTLS_BAD_CERTIFICATE -> "DTLS peer certificate missing or unreadable";
            case DTLS_NO_SRTP_PROFILE -> "no common SRTP profile";
            case DTLS_NO_COMMON_CIPHER_SUITE -> "no common DTLS cipher suite";
            case DTLS_NO_COMMON_SIGNATURE_ALGORITHM -> "no common DTLS signature algorithm";
            case DTLS_PEER_ALERT -> "DTLS handshake refused by the peer";
            case DTLS_TIMEOUT -> "DTLS handshake timed out";
            case DTLS_HANDSHAKE_ERROR -> "DTLS handshake failed";
        };
    }
}
