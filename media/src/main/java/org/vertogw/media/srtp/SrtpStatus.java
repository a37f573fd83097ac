package org.vertogw.media.srtp;

/** Outcome of protecting or unprotecting one packet; anything but {@link #OK} is a discard, counted by reason. */
public enum SrtpStatus {
    OK,
    /** Not a version-2 RTP/RTCP packet, or shorter than its header and trailer. */
    MALFORMED,
    /** The authentication tag did not verify (tampered, wrong key, or not ours). */
    AUTH_FAILED,
    /** Already received: the replay window has this index (RFC 3711 §3.3.2). */
    REPLAYED,
    /** Older than the replay window reaches. */
    TOO_OLD,
    /** A context tracks a bounded number of SSRCs; a packet for one more is refused. */
    TOO_MANY_STREAMS,
    /** No room in the buffer for the tag and trailer, or a payload over the size this path handles. */
    TOO_LARGE,
    /** No keys yet (DTLS not complete). */
    NO_CONTEXT
}
