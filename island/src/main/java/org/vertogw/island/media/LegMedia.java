package org.vertogw.island.media;

/**
 * The media of one call leg, as the island terminates it toward the browser (or the gateway in front of it).
 * A browser-originated leg gets {@link #remoteOffer} at invite time and {@link #answer} once the call is answered;
 * an island-originated leg (and every re-attach) gets {@link #offer} then {@link #applyAnswer}. Called on the
 * island's thread only.
 */
public interface LegMedia extends AutoCloseable {

    /** The browser's offer; checked at once, so a bad one fails the invite. */
    void remoteOffer(String sdp) throws MediaException;

    /** The island's answer to {@link #remoteOffer}. */
    String answer() throws MediaException;

    /** The island's offer. */
    String offer() throws MediaException;

    /** The browser's answer to {@link #offer()}. */
    void applyAnswer(String remoteAnswer) throws MediaException;

    /**
     * A re-offer from the browser on an answered call ({@code verto.modify} {@code updateMedia}): the answer.
     * Refused ({@code MEDIA ERROR}) where media is not terminated.
     */
    default String update(String offer) throws MediaException {
        throw new MediaException("MEDIA ERROR");
    }

    /** Asks the browser of this leg for a video key frame (a PLI); nothing without video or packet handling. */
    default void requestKeyFrame() {}

    @Override
    void close();
}
