package org.vertogw.media.rtcp;

/**
 * One leg's call quality as its peer reports it (docs/operations.md, "Call quality"): the latest reception report
 * block the peer sent about the media it receives over this leg (fraction lost, cumulative lost, interarrival
 * jitter; RFC 3550 §6.4.1), and the leg's own round-trip time, measured at the gateway: the time from relaying an
 * SR toward the peer to receiving the peer's report that names it, less the peer's DLSR (§6.4.1's
 * {@code A - LSR - DLSR} with the gateway's relaying instant standing in for the SR's sending time, so no clock has
 * to agree with another). Loss and jitter describe the whole path from the far sender to this peer (the gateway
 * forwards RTP unchanged); the round-trip time is this leg's alone.
 * <p>
 * Written by the media thread only, without allocation; read from any thread (each figure is current on its own,
 * two figures may come from consecutive reports).
 */
public final class LegQuality {

    private final int clockRate;
    private volatile long reports;
    private volatile int fractionLost;
    private volatile int cumulativeLost;
    private volatile long jitter;
    private volatile long rttNanos = -1;
    private volatile long roundTrips;

    /** @param clockRate the RTP clock rate of the leg's media (jitter is in its units), e.g. 48000 for Opus */
    public LegQuality(int clockRate) {
        this.clockRate = clockRate;
    }

    /** A report block at {@code b[off]} from the peer, arrived at {@code now}; {@code relayedToPeer} names the SRs. */
    public void report(byte[] b, int off, long now, SenderReportLog relayedToPeer) {
        fractionLost = ReceptionReport.fractionLost(b, off);
        cumulativeLost = ReceptionReport.cumulativeLost(b, off);
        jitter = ReceptionReport.jitter(b, off);
        int lsr = ReceptionReport.lastSenderReport(b, off);
        long relayed = relayedToPeer.relayedAt(lsr);
        if (relayed != Long.MIN_VALUE) {
            int arrival = lsr + RoundTripTime.compactOf(now - relayed);
            long rtt = RoundTripTime.compact(arrival, lsr, ReceptionReport.delaySinceLastSenderReport(b, off));
            if (rtt >= 0) {
                rttNanos = RoundTripTime.nanosOf(rtt);
                roundTrips = roundTrips + 1;
            }
        }
        reports = reports + 1;
    }

    /** Report blocks received so far. */
    public long reports() {
        return reports;
    }

    /** Round-trip times measured so far. */
    public long roundTrips() {
        return roundTrips;
    }

    /** The fraction lost of the latest report, 0..255/256. */
    public double lossRatio() {
        return fractionLost / 256.0;
    }

    public int cumulativeLost() {
        return cumulativeLost;
    }

    /** The latest interarrival jitter in seconds (its timestamp units over the clock rate). */
    public double jitterSeconds() {
        return clockRate <= 0 ? 0 : jitter / (double) clockRate;
    }

    /** The latest round-trip time in seconds, or -1 before the first. */
    public double rttSeconds() {
        long r = rttNanos;
        return r < 0 ? -1 : r / 1e9;
    }

    public int clockRate() {
        return clockRate;
    }

    @Override
    public String toString() {
        return "reports " + reports + ", loss " + lossRatio() + ", lost " + cumulativeLost + ", jitter "
                + jitterSeconds() + " s, rtt " + rttSeconds() + " s";
    }
}
