package org.vertogw.media.srtp;

/**
 * Sliding replay window over packet indexes (RFC 3711 §3.3.2): the highest index seen and a 64-bit mask of the
 * indexes just below it. Checked before authentication, updated only after (§3.3 step 5 and 6).
 */
final class ReplayWindow {

    static final int SIZE = 64;

    private long highest = -1;
    private long mask;

    SrtpStatus check(long index) {
        if (index < 0) {
            return SrtpStatus.TOO_OLD;
        }
        if (highest < 0 || index > highest) {
            return SrtpStatus.OK;
        }
        long delta = highest - index;
        if (delta >= SIZE) {
            return SrtpStatus.TOO_OLD;
        }
        return (mask & (1L << delta)) != 0 ? SrtpStatus.REPLAYED : SrtpStatus.OK;
    }

    void accept(long index) {
        if (index > highest) {
            long shift = highest < 0 ? SIZE : index - highest;
            mask = shift >= SIZE ? 1L : (mask << shift) | 1L;
            highest = index;
        } else {
            mask |= 1L << (highest - index);
        }
    }
}
