package org.vertogw.island.media;

/** How an island terminates media: where its legs come from and how it echoes or bridges them. */
public interface IslandMedia extends AutoCloseable {

    /**
     * A new leg for {@code callId}. {@code partner} is the leg it will be bridged to, when known at creation
     * (the caller's leg, for a callee's leg).
     */
    LegMedia newLeg(String callId, LegMedia partner) throws MediaException;

    /** 9196: everything received on the leg goes back on it. */
    void echo(LegMedia leg);

    /** A call between two users: each leg's media goes to the other. */
    void bridge(LegMedia a, LegMedia b);

    /** The leg is no longer bridged (its partner was transferred away): what it sends goes nowhere. */
    void isolate(LegMedia leg);

    /** A conference room's media; the default mixes nothing (the island only signals the members). */
    default RoomMedia room(String name, RoomMedia.Listener listener) {
        return RoomMedia.SIGNALLING_ONLY;
    }

    @Override
    default void close() {}
}
