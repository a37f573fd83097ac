package org.vertogw.media.transport;

import org.vertogw.media.ice.IceDiscard;
import org.vertogw.media.srtp.SrtpStatus;

/** Why a leg dropped a datagram; each has a counter, nothing is logged per packet. */
public enum DiscardReason {
    /** First byte in no RFC 7983 range we handle, or too short for its protocol. */
    UNKNOWN_PACKET,
    STUN_MALFORMED,
    STUN_UNKNOWN_USERNAME,
    STUN_BAD_INTEGRITY,
    STUN_UNEXPECTED,
    /** DTLS from an address that never passed an ICE check. */
    DTLS_UNVERIFIED_SOURCE,
    DTLS_QUEUE_FULL,
    /** A ClientHello before the answer armed DTLS (the peer retransmits it). */
    DTLS_NOT_STARTED,
    /** RTP/RTCP from an address other than the selected pair's. */
    UNKNOWN_SOURCE,
    /** Media before DTLS produced keys, or after the leg closed. */
    NO_SRTP_CONTEXT,
    SRTP_AUTH_FAILED,
    SRTP_REPLAYED,
    SRTP_TOO_OLD,
    SRTP_MALFORMED,
    SRTP_OTHER,
    /** The other leg of the relay is not connected yet. */
    PEER_NOT_READY,
    /** On a BUNDLE-shared browser leg, RTP whose payload type no m-line of the group has (RFC 8843 §9.2). */
    UNKNOWN_BUNDLE_STREAM,
    SEND_FAILED;

    static DiscardReason of(SrtpStatus s) {
        return switch (s) {
            case AUTH_FAILED -> SRTP_AUTH_FAILED;
            case REPLAYED -> SRTP_REPLAYED;
            case TOO_OLD -> SRTP_TOO_OLD;
            case MALFORMED -> SRTP_MALFORMED;
            case NO_CONTEXT -> NO_SRTP_CONTEXT;
            default -> SRTP_OTHER;
        };
    }

    static DiscardReason of(IceDiscard d) {
        return switch (d) {
            case UNKNOWN_USERNAME -> STUN_UNKNOWN_USERNAME;
            case BAD_MESSAGE_INTEGRITY, NO_MESSAGE_INTEGRITY -> STUN_BAD_INTEGRITY;
            default -> STUN_UNEXPECTED;
        };
    }
}
