package org.vertogw.gateway.edge;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Counts open connections per remote address and refuses past the limit. */
public final class AddressLimiter {

    private final int limit;
    private final ConcurrentHashMap<String, AtomicInteger> open = new ConcurrentHashMap<>();

    public AddressLimiter(int limit) {
        this.limit = limit;
    }

    /** Counts a new connection; false (and nothing counted) when the address is at its limit. */
    public boolean tryAcquire(String address) {
        boolean[] ok = new boolean[1];
        open.compute(address, (k, n) -> {
            AtomicInteger c = n == null ? new AtomicInteger() : n;
            ok[0] = c.get() < limit;
            if (ok[0]) {
                c.incrementAndGet();
            }
            return c.get() == 0 ? null : c;
        });
        return ok[0];
    }

    public void release(String address) {
        open.computeIfPresent(address, (k, n) -> n.decrementAndGet() <= 0 ? null : n);
    }

    public int open(String address) {
        AtomicInteger n = open.get(address);
        return n == null ? 0 : n.get();
    }
}
