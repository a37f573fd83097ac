package org.vertogw.island.media;

/**
 * The media of one conference room (docs/protocol.md §5.5, "Embedded island"): members join with their leg's media,
 * the room mixes their audio (everyone hears everyone but themself) and forwards the floor holder's video. A media
 * that handles no packets has {@link #SIGNALLING_ONLY}: members join and leave, nothing is mixed.
 */
public interface RoomMedia extends AutoCloseable {

    /** What the mixer reports, on its own thread: the receiver hands it to the island's thread. */
    interface Listener {
        /** A member started or stopped talking (its level crossed the talking threshold, with a hangover). */
        void talking(int memberId, boolean talking);

        /** The video floor moved to {@code memberId} (-1: nobody holds it). */
        void floor(int memberId);
    }

    /** One member's place in the mix. */
    interface Member {
        /** A muted member is heard by nobody. */
        void muted(boolean muted);

        /** A deaf member hears nothing. */
        void deaf(boolean deaf);

        int id();
    }

    /** Adds a leg to the mix; refused when the leg cannot be mixed (no Opus offered). */
    Member join(LegMedia leg, int memberId) throws MediaException;

    void leave(Member member);

    /** Gives the video floor to a member until it leaves ({@code vid-floor}); null goes back to the loudest speaker. */
    void lockFloor(Member member);

    @Override
    void close();

    /** A room whose members are only signalled. */
    RoomMedia SIGNALLING_ONLY = new RoomMedia() {
        @Override
        public Member join(LegMedia leg, int memberId) {
            return new Member() {
                @Override
                public void muted(boolean muted) {}

                @Override
                public void deaf(boolean deaf) {}

                @Override
                public int id() {
                    return memberId;
                }
            };
        }

        @Override
        public void leave(Member member) {}

        @Override
        public void lockFloor(Member member) {}

        @Override
        public void close() {}
    };
}
