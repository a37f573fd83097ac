package org.vertogw.media.rtcp;

/**
 * The last few sender reports relayed toward one peer: the middle 32 bits of each SR's NTP timestamp (what the
 * peer's reports will echo as LSR) and when the gateway relayed it. A fixed ring: no allocation per SR. A report
 * naming an SR no longer in the ring gets no round-trip time (the ring holds {@value #SLOTS}, several seconds of
 * SRs at the usual one per stream per second).
 */
public final class SenderReportLog {

    static final int SLOTS = 16;

    private final int[] ntp = new int[SLOTS];
    private final long[] at = new long[SLOTS];
    private int next;

    /** An SR with {@code ntpMiddle} was relayed toward the peer at {@code nanos} (System.nanoTime). */
    public void relayed(int ntpMiddle, long nanos) {
        ntp[next] = ntpMiddle;
        at[next] = nanos;
        next = (next + 1) % SLOTS;
    }

    /** When the SR with {@code ntpMiddle} was relayed, or {@link Long#MIN_VALUE} when it is not in the ring. */
    public long relayedAt(int ntpMiddle) {
        if (ntpMiddle == 0) {
            return Long.MIN_VALUE;
        }
        for (int i = 0; i < SLOTS; i++) {
            int slot = (next - 1 - i + SLOTS) % SLOTS;
            if (ntp[slot] == ntpMiddle) {
                return at[slot];
            }
        }
        return Long.MIN_VALUE;
    }
}
