package org.vertogw.media.transport;

/**
 * Something that happened to a leg: ICE connectivity, DTLS, or a failure (with its {@link LegFailure} and a cause
 * the signaling side can put in its hang-up, e.g. {@code DTLS fingerprint mismatch on browser leg 0}).
 */
public record LegEvent(Kind kind, LegSide side, int mediaIndex, LegFailure failure, String cause) {

    public enum Kind {
        /** ICE selected a pair and DTLS completed: media can flow on this leg. */
        LEG_CONNECTED,
        /** Consent freshness lapsed (no checks for a while); may come back. */
        LEG_DISCONNECTED,
        /** The leg is dead: ICE consent expired or DTLS failed ({@link #failure()} says which). The call should end. */
        LEG_FAILED,
        /**
         * The peer closed DTLS (close_notify): it is going away, e.g. a page unloading. Not a failure by itself:
         * the signaling says what happens to the call (a bye, or a socket loss that detaches it), and a peer
         * that stays silent fails by consent freshness later.
         */
        LEG_CLOSED
    }

    @Override
    public String toString() {
        return kind + " " + side.wire() + "[" + mediaIndex + "]" + (cause == null ? "" : ": " + cause);
    }
}
