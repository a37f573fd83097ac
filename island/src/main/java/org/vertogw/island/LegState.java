package org.vertogw.island;

/** A call leg's state on the island. A leg only moves forward; {@link #ENDED} is final. */
enum LegState {
    /** The invite is out (or in) and nobody answered yet. */
    RINGING,
    ANSWERED,
    ENDED
}
