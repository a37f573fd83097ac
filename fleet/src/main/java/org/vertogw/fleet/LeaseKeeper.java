package org.vertogw.fleet;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A lease renewed every third of its time to live, one renewal at a time rather than jetcd's keep-alive stream
 * (whose recovery after a reconnect is unreliable: jetcd issue #1227). A lease etcd no longer knows is replaced
 * by a new one; each tick hands the current lease to its owner, which writes its keys under it.
 */
public final class LeaseKeeper implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LeaseKeeper.class);

    private final FleetStore store;
    private final Duration ttl;
    private final Tick onTick;
    private final ScheduledExecutorService thread;
    private volatile long lease;
    private volatile boolean alive;

    public LeaseKeeper(FleetStore store, Duration ttl, String name, Tick onTick) {
        this.store = store;
        this.ttl = ttl;
        this.onTick = onTick;
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    /** What the owner does with the lease each tick: write its keys under it. */
    @FunctionalInterface
    public interface Tick {
        void run(long lease) throws StoreException;
    }

    public void start() {
        thread.scheduleWithFixedDelay(this::tick, 0, Math.max(100, ttl.toMillis() / 3), TimeUnit.MILLISECONDS);
    }

    /** Renews and writes now, out of turn (the owner's record changed). */
    public void now() {
        if (!thread.isShutdown()) {
            thread.execute(this::tick);
        }
    }

    private void tick() {
        try {
            if (lease == 0 || !store.keepAlive(lease)) {
                if (lease != 0) {
                    LOG.warn("etcd lease {} expired: taking a new one", Long.toHexString(lease));
                }
                lease = store.grantLease(ttl);
            }
            onTick.run(lease);
            if (!alive) {
                LOG.info("etcd lease {} held", Long.toHexString(lease));
            }
            alive = true;
        } catch (StoreException | RuntimeException e) {
            if (alive) {
                LOG.warn("etcd lease {} not renewed: {}", Long.toHexString(lease), e.getMessage());
            }
            alive = false;
        }
    }

    /** Whether the last renewal (and the owner's writes under it) succeeded. */
    public boolean alive() {
        return alive;
    }

    public long lease() {
        return lease;
    }

    /** Stops renewing and revokes the lease, so this member's keys vanish at once rather than at expiry. */
    @Override
    public void close() {
        thread.shutdownNow();
        try {
            thread.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (lease != 0) {
            try {
                store.revoke(lease);
            } catch (StoreException e) {
                LOG.debug("revoking lease {} failed: {}", Long.toHexString(lease), e.getMessage());
            }
        }
    }
}
