package org.vertogw.media.ice;

import java.time.Duration;

/**
 * Timers of an ICE agent. Defaults: checks every second as FreeSWITCH sends them; disconnected after 10 s without
 * a valid check or response; failed when consent expires after 30 s (RFC 7675 §5.1), which also bounds the time
 * to first connectivity.
 */
public record IceTimers(Duration checkInterval, Duration disconnectedAfter, Duration failedAfter) {

    public static final IceTimers DEFAULT =
            new IceTimers(Duration.ofSeconds(1), Duration.ofSeconds(10), Duration.ofSeconds(30));

    public IceTimers {
        if (checkInterval.isNegative() || checkInterval.isZero() || disconnectedAfter.compareTo(failedAfter) > 0) {
            throw new IllegalArgumentException("need checkInterval > 0 and disconnectedAfter <= failedAfter");
        }
    }
}
