package org.vertogw.media.relay;

/** Where a relay stands as a whole (all legs of all media sections). */
public enum RelayState {
    /** SDP not yet complete on both sides. */
    NEGOTIATING,
    /** Both sides described; ICE and DTLS under way. */
    CONNECTING,
    /** Every leg connected: media flows. */
    CONNECTED,
    /** At least one leg lost consent; may recover. */
    DISCONNECTED,
    /** At least one leg failed; the call should end. */
    FAILED,
    CLOSED
}
