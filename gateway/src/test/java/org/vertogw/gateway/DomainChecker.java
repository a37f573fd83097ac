package org.vertogw.gateway;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.vertogw.gateway.edge.ClientSession;

/**
 * Samples, every few milliseconds, every session of one domain on every gateway of a fleet and measures the
 * windows in which two islands served the domain at once: the longest is the cut-over window a test bounds.
 */
final class DomainChecker implements AutoCloseable {

    private final Collection<VertoGateway> gateways;
    private final String suffix;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;
    private volatile long longestSplitMs;
    private volatile long samples;

    DomainChecker(Collection<VertoGateway> gateways, String domain) {
        this.gateways = gateways;
        this.suffix = "@" + domain;
        this.thread = new Thread(this::run, "domain-checker");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        long splitSince = 0;
        while (running.get()) {
            Set<String> islands = new HashSet<>();
            for (VertoGateway g : gateways) {
                for (ClientSession s : g.edge().sessions()) {
                    String login = s.login();
                    String island = s.islandId();
                    if (login != null && login.endsWith(suffix) && island != null) {
                        islands.add(island);
                    }
                }
            }
            long now = System.nanoTime();
            if (islands.size() > 1) {
                if (splitSince == 0) {
                    splitSince = now;
                }
                longestSplitMs = Math.max(longestSplitMs, (now - splitSince) / 1_000_000);
            } else {
                splitSince = 0;
            }
            samples++;
            try {
                Thread.sleep(5); // the sampling period, not a synchronisation
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** The longest time two islands served the domain at once, in ms. */
    long longestSplitMs() {
        return longestSplitMs;
    }

    long samples() {
        return samples;
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        thread.join(2000);
    }
}
