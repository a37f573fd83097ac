package org.vertogw.gateway.edge;

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

    private final double perSecond;
    private final int burst;
    private final LinkedHashMap<String, TokenBucket> buckets;

    public ConnectionRates(double perSecond, int burst, int maxAddresses) {
        this.perSecond = perSecond;
        this.burst = burst;
        this.buckets = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, TokenBucket> eldest) {
                return size() > maxAddresses;
            }
        };
    }

    /** Counts a new connection from {@code address}; false (nothing counted) when it is over its rate. */
    public synchronized boolean tryAccept(String address, long nowNanos) {
        TokenBucket b = buckets.computeIfAbsent(address, a -> new TokenBucket(perSecond, burst, nowNanos));
        return b.tryAcquire(1, nowNanos);
    }

    /** Addresses in the table now (at most the bound). */
    public synchronized int addresses() {
        return buckets.size();
    }
}
