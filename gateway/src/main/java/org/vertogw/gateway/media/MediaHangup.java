package org.vertogw.gateway.media;

import org.vertogw.media.transport.LegFailure;
import org.vertogw.protocol.message.HangupCause;

/**
 * The Verto hangup cause of a call whose media leg failed, as FreeSWITCH reports the same failures: a peer that
 * went silent is {@code MEDIA_TIMEOUT}, a peer whose DTLS we cannot agree with is {@code INCOMPATIBLE_DESTINATION}.
 */
public final class MediaHangup {

    private MediaHangup() {}

    public static HangupCause cause(LegFailure failure) {
        return switch (failure) {
            case CONSENT_EXPIRED, ICE_FAILED -> HangupCause.MEDIA_TIMEOUT;
            case DTLS_FINGERPRINT_MISMATCH,
                    DTLS_BAD_CERTIFICATE,
                    DTLS_NO_SRTP_PROFILE,
                    DTLS_NO_COMMON_CIPHER_SUITE,
                    DTLS_NO_COMMON_SIGNATURE_ALGORITHM,
                    DTLS_PEER_ALERT,
                    DTLS_TIMEOUT,
                    DTLS_HANDSHAKE_ERROR -> HangupCause.INCOMPATIBLE_DESTINATION;
        };
    }
}
