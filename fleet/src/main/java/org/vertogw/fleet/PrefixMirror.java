package org.vertogw.fleet;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local copy of every key under a prefix, kept by a read and then a watch from the read's revision; the
 * supervisor of that watch. A watch that breaks (compaction, leader loss, the member gone: jetcd issues #1352,
 * #1227, #1383) is dropped and replaced by a fresh read and a new watch, with a growing pause; and a read every
 * {@code resync} period catches a watch that went silent without saying so. Listeners hear the whole copy after
 * each change, one at a time, on the mirror's own thread.
 */
public final class PrefixMirror implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PrefixMirror.class);
    private static final long MAX_BACKOFF_MS = 2000;

    private final FleetStore store;
    private final String prefix;
    private final Duration resync;
    private final ScheduledExecutorService thread;
    private final CopyOnWriteArrayList<Consumer<Map<String, FleetStore.Entry>>> listeners =
            new CopyOnWriteArrayList<>();

    private volatile Map<String, FleetStore.Entry> entries = Map.of();
    private volatile long revision;
    private volatile boolean read;
    private volatile boolean connected;
    private AutoCloseable watch;
    private int generation;
    private long backoffMs = 100;
    private boolean retryScheduled;
    private int misses;

    public PrefixMirror(FleetStore store, String prefix, Duration resync, String name) {
        this.store = store;
        this.prefix = prefix;
        this.resync = resync;
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    public void onChange(Consumer<Map<String, FleetStore.Entry>> listener) {
        listeners.add(listener);
    }

    public void start() {
        thread.execute(this::restart);
        long period = resync.toMillis();
        thread.scheduleWithFixedDelay(this::check, period, period, TimeUnit.MILLISECONDS);
    }

    /** Runs {@code task} on the mirror's thread, after anything it is delivering; nothing once closed. */
    public void execute(Runnable task) {
        post(task);
    }

    private void post(Runnable task) {
        try {
            thread.execute(task);
        } catch (RejectedExecutionException closed) {
            // the mirror is closed: what the store reports now concerns nobody
        }
    }

    /** Runs {@code task} every {@code period} on the mirror's thread, between deliveries; a failure is logged. */
    public void every(long period, TimeUnit unit, Runnable task) {
        thread.scheduleWithFixedDelay(
                () -> {
                    try {
                        task.run();
                    } catch (RuntimeException e) {
                        LOG.error("periodic task on {} failed", prefix, e);
                    }
                },
                period,
                period,
                unit);
    }

    /** The copy as last seen (kept, unchanged, while etcd cannot be reached). */
    public Map<String, FleetStore.Entry> entries() {
        return entries;
    }

    public long revision() {
        return revision;
    }

    /** Whether a first read of the prefix has succeeded. */
    public boolean read() {
        return read;
    }

    /** Whether the last read succeeded and the watch has not broken since. */
    public boolean connected() {
        return connected;
    }

    private void restart() {
        retryScheduled = false;
        closeWatch();
        FleetStore.Snapshot s;
        try {
            s = store.read(prefix);
        } catch (StoreException e) {
            lost("reading " + prefix + " failed: " + e.getMessage());
            return;
        }
        int gen = ++generation;
        watch = store.watch(prefix, s.revision() + 1, new FleetStore.WatchListener() {
            @Override
            public void changed(List<FleetStore.Change> changes, long rev) {
                post(() -> apply(gen, changes, rev));
            }

            @Override
            public void broken(Throwable cause, boolean compacted) {
                post(() -> {
                    if (gen == generation) {
                        lost("watch of " + prefix + (compacted ? " compacted: " : " ended: ") + cause);
                    }
                });
            }
        });
        // connected before the state is delivered, so a listener that sees the read also sees the mirror live;
        // the watch's first changes are posted to this same thread, so they apply after the read
        connected = true;
        backoffMs = 100;
        adopt(s);
    }

    private void adopt(FleetStore.Snapshot s) {
        boolean changed = !s.entries().equals(entries);
        entries = Map.copyOf(s.entries());
        revision = s.revision();
        read = true;
        if (changed) {
            deliver();
        }
    }

    private void apply(int gen, List<FleetStore.Change> changes, long rev) {
        if (gen != generation || rev <= revision) {
            return;
        }
        Map<String, FleetStore.Entry> next = new LinkedHashMap<>(entries);
        for (FleetStore.Change c : changes) {
            if (c.modRevision() <= revision) {
                continue; // already in a read adopted since
            }
            if (c.value() == null) {
                next.remove(c.key());
            } else {
                next.put(c.key(), new FleetStore.Entry(c.key(), c.value(), c.modRevision()));
            }
        }
        entries = Map.copyOf(next);
        revision = rev;
        deliver();
    }

    /**
     * The periodic read: a broken mirror starts over; a live one adopts a newer read at once, and a watch that
     * twice in a row had not delivered what the read shows is replaced.
     */
    private void check() {
        if (!connected) {
            if (!retryScheduled) {
                restart();
            }
            return;
        }
        try {
            FleetStore.Snapshot s = store.read(prefix);
            if (s.revision() <= revision) {
                return;
            }
            boolean behind = !s.entries().equals(entries);
            misses = behind ? misses + 1 : 0;
            if (misses >= 2) {
                LOG.warn("watch of {} missed changes up to revision {}: watching again", prefix, s.revision());
                misses = 0;
                restart();
            } else {
                adopt(s);
            }
        } catch (StoreException e) {
            lost("periodic read of " + prefix + " failed: " + e.getMessage());
        }
    }

    private void lost(String why) {
        if (connected || !retryScheduled) {
            LOG.warn("etcd: {}; keeping the last state, retrying in {} ms", why, backoffMs);
        }
        connected = false;
        closeWatch();
        generation++;
        if (!retryScheduled && !thread.isShutdown()) {
            retryScheduled = true;
            thread.schedule(this::restart, backoffMs, TimeUnit.MILLISECONDS);
            backoffMs = Math.min(MAX_BACKOFF_MS, backoffMs * 2);
        }
    }

    private void deliver() {
        Map<String, FleetStore.Entry> now = entries;
        for (Consumer<Map<String, FleetStore.Entry>> l : listeners) {
            try {
                l.accept(now);
            } catch (RuntimeException e) {
                LOG.error("applying fleet state of {} failed", prefix, e);
            }
        }
    }

    private void closeWatch() {
        if (watch != null) {
            try {
                watch.close();
            } catch (Exception e) {
                LOG.debug("closing a watch of {}", prefix, e);
            }
            watch = null;
        }
    }

    @Override
    public void close() {
        post(this::closeWatch);
        thread.shutdown();
        try {
            thread.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        thread.shutdownNow();
    }
}
