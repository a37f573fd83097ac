package org.vertogw.gateway.edge;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The rate at which each remote address may open TCP connections: a {@link TokenBucket} per address, in a table of at
 * most {@code maxAddresses} kept in order of last use (docs/configuration.md#limits, {@code
 * connectionsPerSecondPerAddress}). At the bound the address seen longest ago is forgotten; its bucket had refilled
 * (and so carried nothing) unless more than {@code maxAddresses} addresses opened connections within one refill time
 * ({@code burst / perSecond}), a spread no per-address limit can hold anyway. Memory is bounded either way.
 *
 * <p>One lock: Jetty's selector threads call this once per accepted connection, far below the rate a lock sustains.
 */
public final class ConnectionRates {

    /** What to do with a new connection. */
    public enum Verdict {
        ACCEPT,
        /** Over the rate. */
        REFUSE,
        /** Over the rate, and the address's first refusal in a minute: worth one log line. */
        REFUSE_AND_WARN
    }

    private static final long WARN_EVERY_NANOS = Duration.ofMinutes(1).toNanos();

    private final double perSecond;
    private final int burst;
    private final LinkedHashMap<String, Entry> entries;

    public ConnectionRates(double perSecond, int burst, int maxAddresses) {
        this.perSecond = perSecond;
        this.burst = burst;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
                return size() > maxAddresses;
            }
        };
    }

    /** Counts a new connection from {@code address} when it is within its rate (nothing is counted otherwise). */
    public synchronized Verdict admit(String address, long nowNanos) {
        Entry e = entries.computeIfAbsent(
                address, a -> new Entry(new TokenBucket(perSecond, burst, nowNanos), nowNanos - WARN_EVERY_NANOS));
        if (e.bucket.tryAcquire(1, nowNanos)) {
            return Verdict.ACCEPT;
        }
        if (nowNanos - e.lastWarn >= WARN_EVERY_NANOS) {
            e.lastWarn = nowNanos;
            return Verdict.REFUSE_AND_WARN;
        }
        return Verdict.REFUSE;
    }

    /** Addresses in the table now (at most the bound). */
    public synchronized int addresses() {
        return entries.size();
    }

    private static final class Entry {
        final TokenBucket bucket;
        long lastWarn;

        Entry(TokenBucket bucket, long lastWarn) {
            this.bucket = bucket;
            this.lastWarn = lastWarn;
        }
    }
}
