package org.vertogw.gateway.edge;

import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vertogw.gateway.config.Limits;

/**
 * Failed logins back off, per user and per address (docs/protocol.md §10.4): after {@code loginFailuresPerUser}
 * (or {@code loginFailuresPerAddress}) failures, each further one blocks that key for {@code loginBackoff}, doubled
 * per failure up to {@code loginBackoffMax}. A blocked login is refused without asking the island, with the time
 * to wait. A success clears the user; a key quiet for 15 minutes is forgotten. Memory is bounded: past
 * {@value #MAX_KEYS} keys per table the stalest are dropped. Thread-safe.
 */
public final class LoginThrottle {

    private static final Logger LOG = LoggerFactory.getLogger(LoginThrottle.class);
    static final int MAX_KEYS = 100_000;
    private static final long FORGET_NANOS = Duration.ofMinutes(15).toNanos();
    private static final long WARN_EVERY_NANOS = Duration.ofMinutes(1).toNanos();

    private record Entry(int failures, long lastFailure, long blockedUntil, long lastWarn) {}

    private final int freePerUser;
    private final int freePerAddress;
    private final long baseNanos;
    private final long maxNanos;
    private final Map<String, Entry> users = new ConcurrentHashMap<>();
    private final Map<String, Entry> addresses = new ConcurrentHashMap<>();

    public LoginThrottle(Limits limits) {
        this.freePerUser = limits.loginFailuresPerUser();
        this.freePerAddress = limits.loginFailuresPerAddress();
        this.baseNanos = limits.loginBackoff().toNanos();
        this.maxNanos = limits.loginBackoffMax().toNanos();
    }

    /** Milliseconds {@code user} from {@code address} must still wait before a login is checked; 0 when none. */
    public long waitMillis(String user, String address, long now) {
        long until = Math.max(blockedUntil(users.get(user), now), blockedUntil(addresses.get(address), now));
        return until <= now ? 0 : Math.max(1, (until - now) / 1_000_000);
    }

    private static long blockedUntil(Entry e, long now) {
        return e == null || now - e.lastFailure > FORGET_NANOS ? 0 : e.blockedUntil;
    }

    /** Counts a refused credential check. */
    public void failed(String user, String address, long now) {
        record(users, user, freePerUser, now);
        Entry a = record(addresses, address, freePerAddress, now);
        if (a.blockedUntil > now && now - a.lastWarn >= WARN_EVERY_NANOS) {
            addresses.computeIfPresent(address, (k, e) -> new Entry(e.failures, e.lastFailure, e.blockedUntil, now));
            LOG.warn(
                    "{} failed logins from {}: each further one waits up to {} ms",
                    a.failures,
                    address,
                    (a.blockedUntil - now) / 1_000_000);
        }
    }

    /** A login of {@code user} passed: its count starts again (the address keeps its own). */
    public void succeeded(String user) {
        users.remove(user);
    }

    private Entry record(Map<String, Entry> table, String key, int free, long now) {
        if (table.size() >= MAX_KEYS && !table.containsKey(key)) {
            evict(table, now);
        }
        return table.compute(key, (k, e) -> {
            int failures = e == null || now - e.lastFailure > FORGET_NANOS ? 1 : e.failures + 1;
            long blockedUntil = failures <= free ? 0 : now + backoff(failures - free);
            return new Entry(failures, now, blockedUntil, e == null ? now - WARN_EVERY_NANOS : e.lastWarn);
        });
    }

    private long backoff(int over) {
        int shift = Math.min(over - 1, 40);
        long b = baseNanos << shift;
        return b <= 0 || b > maxNanos ? maxNanos : b;
    }

    /** Drops what is forgotten anyway, then, if still full, the stalest tenth. */
    private static void evict(Map<String, Entry> table, long now) {
        table.values().removeIf(e -> now - e.lastFailure > FORGET_NANOS);
        if (table.size() < MAX_KEYS) {
            return;
        }
        long cutoff = table.values().stream()
                .mapToLong(Entry::lastFailure)
                .sorted()
                .skip(MAX_KEYS / 10)
                .findFirst()
                .orElse(now);
        for (Iterator<Entry> it = table.values().iterator(); it.hasNext(); ) {
            if (it.next().lastFailure < cutoff) {
                it.remove();
            }
        }
    }

    int trackedUsers() {
        return users.size();
    }

    int trackedAddresses() {
        return addresses.size();
    }
}
