package org.vertogw.gateway.edge;

import java.util.Locale;

/** Why the gateway answered a browser message with an error itself: the {@code reason} label of the metric. */
public enum Refusal {
    /** Not JSON-RPC (docs/protocol.md §1.2). */
    MALFORMED,
    /** An id longer than {@code limits.maxIdLength}, or not a string or number. */
    BAD_ID,
    /** A method Verto does not define, or one only a server sends. */
    UNKNOWN_METHOD,
    /** Over {@code limits.messagesPerSecond}. */
    RATE_LIMITED,
    /** Too many requests held while the island checks a login. */
    HELD_LIMIT,
    /** Too many requests in flight to the island. */
    PENDING_LIMIT,
    /** {@code params.sessid} names another session. */
    SESSID_MISMATCH,
    /** An SDP the relay cannot use. */
    MEDIA,
    /** Over {@code limits.maxMediaSections}. */
    MEDIA_SECTIONS,
    /** Over {@code limits.callsPerSession}. */
    CALL_LIMIT,
    /** Over {@code limits.callsPerSecond}. */
    CALL_RATE,
    /** No media port or DTLS capacity left on this gateway. */
    MEDIA_CAPACITY,
    /** The island link is gone. */
    ISLAND_UNREACHABLE,
    /** Failed logins back off (per user and per address). */
    LOGIN_BACKOFF,
    /** A bug: the request could not be handled; it is still answered. */
    INTERNAL;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
