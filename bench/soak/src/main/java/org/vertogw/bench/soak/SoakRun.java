package org.vertogw.bench.soak;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.vertogw.media.MediaEngine;

/**
 * Drives the honest users and, phase by phase, the hostile threads of one attack. The phase the honest rounds are
 * attributed to is the one in force when a round starts.
 */
final class SoakRun {

    private final SoakCluster cluster;
    private final MediaEngine browsers;
    private final SoakSettings settings;
    private final Collection<String> users;
    private final Queue<HonestCaller.Cycle> cycles = new ConcurrentLinkedQueue<>();
    private final List<Thread> honest = new ArrayList<>();
    private volatile String phase = "warm-up";
    private volatile boolean honestRunning;

    SoakRun(SoakCluster cluster, MediaEngine browsers, SoakSettings settings, Collection<String> users) {
        this.cluster = cluster;
        this.browsers = browsers;
        this.settings = settings;
        this.users = users;
    }

    Queue<HonestCaller.Cycle> cycles() {
        return cycles;
    }

    /** Honest churn alone for {@code length}, its rounds not kept: JIT and pools warm, every island reached. */
    void honest(String name, Duration length) throws InterruptedException {
        phase = name;
        startHonest();
        Thread.sleep(length.toMillis());
        stopHonest();
        cycles.clear();
    }

    void startHonest() {
        honestRunning = true;
        long seed = settings.seed();
        for (String user : users) {
            HonestCaller c =
                    new HonestCaller(user, cluster, browsers, () -> phase, () -> honestRunning, cycles, seed++);
            Thread t = new Thread(c, "honest-" + user);
            t.setDaemon(true);
            t.start();
            honest.add(t);
        }
    }

    void stopHonest() throws InterruptedException {
        honestRunning = false;
        for (Thread t : honest) {
            t.join(60_000);
        }
        honest.clear();
    }

    /**
     * Runs one phase for {@code millis}: the attack's hostile threads (none for a baseline), each from its own
     * address 127.0.0.N. Returns how the attack's attempts ended.
     */
    Map<String, Long> phase(String name, Attack attack, int index, long millis) throws Exception {
        phase = name;
        if (attack == null) {
            Thread.sleep(millis);
            return Map.of();
        }
        Attack.Outcomes outcomes = new Attack.Outcomes();
        long end = System.nanoTime() + millis * 1_000_000;
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < settings.hostileThreads(); t++) {
            Attack.Context ctx =
                    new Attack.Context(cluster, 10 + index * 10 + t, () -> System.nanoTime() < end, outcomes, t);
            Thread th = new Thread(
                    () -> {
                        try {
                            attack.run(ctx);
                        } catch (Exception | AssertionError e) {
                            outcomes.count("hostile thread ended: " + e);
                        }
                    },
                    "hostile-" + name + "-" + t);
            th.setDaemon(true);
            th.start();
            threads.add(th);
        }
        for (Thread th : threads) {
            th.join(Math.max(1, (end - System.nanoTime()) / 1_000_000) + 30_000);
            if (th.isAlive()) {
                outcomes.count("hostile thread still running 30 s after its phase");
            }
        }
        return outcomes.snapshot();
    }

    /** Waits (up to {@code within}) until no gateway has a session or relay left. */
    void awaitQuiet(List<GatewayProbe> probes, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            boolean quiet = true;
            for (GatewayProbe p : probes) {
                quiet &= p.metric("verto_gateway_sessions") == 0 && p.metric("verto_gateway_media_relays") == 0;
            }
            if (quiet) {
                return;
            }
            Thread.sleep(250);
        }
    }

    /** Every gateway's figures now. */
    List<GatewayProbe.Figures> figures(List<GatewayProbe> probes, boolean fullGc) {
        List<GatewayProbe.Figures> out = new ArrayList<>();
        for (int i = 0; i < probes.size(); i++) {
            out.add(probes.get(i).read(cluster.gateway(i).pid(), fullGc));
        }
        return out;
    }
}
