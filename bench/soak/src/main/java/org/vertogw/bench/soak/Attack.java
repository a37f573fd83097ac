package org.vertogw.bench.soak;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BooleanSupplier;

/**
 * One attack on the edge, run by hostile clients in a loop until its phase ends. Each hostile thread has its own
 * source address in 127.0.0.0/8 (never the honest clients' 127.0.0.1), as an attacker on its own machine would, so
 * per-address budgets are tested for what they are meant to do: keep one address from costing other users.
 */
interface Attack {

    /** Short name, the phase's name in the report. */
    String name();

    /** What it does, and which weakness of the edge it replays. */
    String description();

    /** One hostile thread's loop: returns when {@code ctx.running()} turns false. */
    void run(Context ctx) throws Exception;

    /** A hostile thread's loop. */
    interface Loop {
        void run(Context ctx) throws Exception;
    }

    static Attack of(String name, String description, Loop loop) {
        return new Attack() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String description() {
                return description;
            }

            @Override
            public void run(Context ctx) throws Exception {
                loop.run(ctx);
            }
        };
    }

    /** What a hostile thread gets: the cluster, its source address, the phase's flag and the outcome tally. */
    final class Context {
        private final SoakCluster cluster;
        private final InetAddress local;
        private final BooleanSupplier running;
        private final Outcomes outcomes;
        private final int thread;

        Context(SoakCluster cluster, int addressByte, BooleanSupplier running, Outcomes outcomes, int thread)
                throws UnknownHostException {
            this.cluster = cluster;
            this.local = InetAddress.getByAddress(new byte[] {127, 0, 0, (byte) addressByte});
            this.running = running;
            this.outcomes = outcomes;
            this.thread = thread;
        }

        SoakCluster cluster() {
            return cluster;
        }

        InetAddress local() {
            return local;
        }

        boolean running() {
            return running.getAsBoolean();
        }

        int thread() {
            return thread;
        }

        /** The gateway this attempt goes to: alternating, so both gateways see every attack. */
        int gateway(long attempt) {
            return (int) ((attempt + thread) % cluster.gatewayCount());
        }

        void count(String outcome) {
            outcomes.count(outcome);
        }

        /** Waits {@code millis} unless the phase ends first: the hostile clients' pacing, not synchronisation. */
        void pace(long millis) throws InterruptedException {
            long end = System.nanoTime() + millis * 1_000_000;
            while (running() && System.nanoTime() < end) {
                Thread.sleep(Math.min(50, Math.max(1, (end - System.nanoTime()) / 1_000_000)));
            }
        }
    }

    /** How the attacks' attempts ended, by outcome ("closed by the gateway", "-32013", "http 401", ...). */
    final class Outcomes {
        private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

        void count(String outcome) {
            counts.computeIfAbsent(outcome, k -> new LongAdder()).increment();
        }

        Map<String, Long> snapshot() {
            Map<String, Long> m = new TreeMap<>();
            counts.forEach((k, v) -> m.put(k, v.sum()));
            return m;
        }
    }
}
