package org.vertogw.bench.soak;

import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Kills a component with SIGKILL at random times (an island, the spare, or the second gateway; one at a time) and
 * starts it again at the same address after a few seconds, as a crash and a supervisor's restart would. Every kill
 * is an {@link Outage} in the record, so the report can tell the honest rounds that met one from those that did not.
 */
final class Chaos implements Runnable {

    /** A component down from {@code killed} until {@code back} (nanoTime; back is -1 while it is still down). */
    record Outage(String component, long killed, long back, String restartError) {}

    private final SoakCluster cluster;
    private final List<String> targets;
    private final long meanIntervalMillis;
    private final Random random;
    private final List<Outage> outages = new CopyOnWriteArrayList<>();
    private volatile boolean running = true;
    private volatile String down;
    private volatile long downSince;

    Chaos(SoakCluster cluster, List<String> targets, long meanIntervalMillis, long seed) {
        this.cluster = cluster;
        this.targets = List.copyOf(targets);
        this.meanIntervalMillis = meanIntervalMillis;
        this.random = new Random(seed);
    }

    @Override
    public void run() {
        try {
            while (running) {
                long wait = (long) (meanIntervalMillis * (0.5 + random.nextDouble()));
                if (!pause(wait)) {
                    return;
                }
                String target = targets.get(random.nextInt(targets.size()));
                downSince = System.nanoTime();
                down = target;
                long killed = System.nanoTime();
                cluster.component(target).kill();
                pause(3000 + random.nextInt(7000));
                String error = null;
                try {
                    cluster.restart(target);
                } catch (Exception | AssertionError e) {
                    error = String.valueOf(e.getMessage());
                }
                outages.add(new Outage(target, killed, System.nanoTime(), error));
                down = null;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Sleeps up to {@code millis} (the schedule, not synchronisation); false when stopped meanwhile. */
    private boolean pause(long millis) throws InterruptedException {
        long end = System.nanoTime() + millis * 1_000_000;
        while (running && System.nanoTime() < end) {
            Thread.sleep(50);
        }
        return running;
    }

    /** Stops scheduling kills; a component down now is still brought back by the running round. */
    void stop() {
        running = false;
    }

    /** Every outage so far, with the one in progress (back = -1). */
    List<Outage> outages() {
        List<Outage> all = new java.util.ArrayList<>(outages);
        String d = down;
        if (d != null) {
            all.add(new Outage(d, downSince, -1, null));
        }
        return all;
    }
}
