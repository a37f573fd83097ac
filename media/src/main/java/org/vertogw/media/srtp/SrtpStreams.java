package org.vertogw.media.srtp;

/**
 * The SSRCs one context has seen, in a small array searched linearly: a call carries a handful of SSRCs, so this
 * beats a hash map and allocates only when a new SSRC first appears. Bounded to refuse SSRC floods.
 */
final class SrtpStreams {

    static final int MAX_STREAMS = 32;

    private final SrtpStream[] streams = new SrtpStream[MAX_STREAMS];
    private int count;

    /** The stream for {@code ssrc}, or null when unseen. */
    SrtpStream find(int ssrc) {
        for (int i = 0; i < count; i++) {
            if (streams[i].ssrc == ssrc) {
                return streams[i];
            }
        }
        return null;
    }

    /** The stream for {@code ssrc}, created on first sight; null when the table is full. */
    SrtpStream get(int ssrc) {
        for (int i = 0; i < count; i++) {
            if (streams[i].ssrc == ssrc) {
                return streams[i];
            }
        }
        if (count == MAX_STREAMS) {
            return null;
        }
        SrtpStream s = new SrtpStream(ssrc);
        streams[count++] = s;
        return s;
    }

    int size() {
        return count;
    }
}
