package org.vertogw.media.rtcp;

/**
 * Round-trip time from a reception report (RFC 3550 §6.4.1): {@code A - LSR - DLSR}, in the "compact" NTP format
 * (16.16 fixed point seconds) of the LSR and DLSR fields, with 32-bit wrap-around.
 */
public final class RoundTripTime {

    /** One second in compact NTP units. */
    public static final long UNITS_PER_SECOND = 65_536;

    private RoundTripTime() {}

    /**
     * {@code A - LSR - DLSR} in units of 1/65536 s, where {@code arrival} is when the report arrived in the clock of
     * the SR's sender; -1 when the report names no SR ({@code LSR} 0) or the result is negative (a report older
     * than the SR it names, or clocks that disagree).
     */
    public static long compact(int arrival, int lsr, int dlsr) {
        if (lsr == 0) {
            return -1;
        }
        int rtt = arrival - lsr - dlsr;
        return rtt < 0 ? -1 : rtt;
    }

    /** {@code nanos} in compact NTP units, truncated to 32 bits as a time difference on the wire is. */
    public static int compactOf(long nanos) {
        return (int) (nanos * UNITS_PER_SECOND / 1_000_000_000L);
    }

    public static long nanosOf(long compact) {
        return compact * 1_000_000_000L / UNITS_PER_SECOND;
    }
}
