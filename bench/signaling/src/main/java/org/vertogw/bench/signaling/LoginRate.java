package org.vertogw.bench.signaling;

import java.io.IOException;
import java.net.URI;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;

/**
 * Logins at a fixed rate, open loop: login {@code i} is due at {@code start + i / rate} whether or not the earlier
 * ones have finished, and its latency (connect, login, answer) counts from when it was due, so a stalled server
 * shows in the figures instead of slowing the load. The kernel's listen-queue counters are read around the run: a
 * SYN dropped by a full accept queue makes its client wait a second for the retransmission, which a p99 over
 * thousands of logins may hide, the counters do not.
 */
final class LoginRate {

    /** What one run measured. */
    record Result(Histogram latency, long failures, long listenOverflows, long listenDrops, double achievedPerSecond) {}

    private LoginRate() {}

    static Result run(BenchClient client, URI uri, int perSecond, int seconds) throws Exception {
        long n = (long) perSecond * seconds;
        Histogram latency = new Histogram(60_000_000L, 3);
        AtomicLong failures = new AtomicLong();
        CountDownLatch done = new CountDownLatch((int) n);
        long[] before = Nstat.listenCounters();
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        long periodNanos = 1_000_000_000L / perSecond;
        long start = System.nanoTime();
        AtomicLong issued = new AtomicLong();
        ticker.scheduleAtFixedRate(
                () -> {
                    long due = start + issued.get() * periodNanos;
                    while (issued.get() < n && System.nanoTime() >= due) {
                        long i = issued.getAndIncrement();
                        long dueAt = due;
                        one(client, uri, i, dueAt, latency, failures, done);
                        due = start + issued.get() * periodNanos;
                    }
                },
                0,
                1,
                TimeUnit.MILLISECONDS);
        boolean finished = done.await(seconds + 60L, TimeUnit.SECONDS);
        double elapsed = (System.nanoTime() - start) / 1e9;
        ticker.shutdownNow();
        long[] after = Nstat.listenCounters();
        if (!finished) {
            failures.addAndGet(done.getCount());
        }
        return new Result(latency, failures.get(), after[0] - before[0], after[1] - before[1], n / elapsed);
    }

    private static void one(
            BenchClient client,
            URI uri,
            long i,
            long due,
            Histogram latency,
            AtomicLong failures,
            CountDownLatch done) {
        try {
            client.connect(uri)
                    .thenCompose(c -> c.login(
                                    (1000 + i % 20) + "@a.example",
                                    UUID.randomUUID().toString())
                            .whenComplete((r, e) -> c.close()))
                    .whenComplete((r, e) -> {
                        if (e != null || !r.has("result")) {
                            failures.incrementAndGet();
                        } else {
                            synchronized (latency) {
                                latency.recordValue(Math.max(1, (System.nanoTime() - due) / 1000));
                            }
                        }
                        done.countDown();
                    });
        } catch (Exception e) {
            failures.incrementAndGet();
            done.countDown();
        }
    }

    /** The kernel's TCP counters of the current network namespace, through {@code nstat}. */
    static final class Nstat {
        private Nstat() {}

        /** TcpExtListenOverflows and TcpExtListenDrops, absolute; -1 each when nstat is not there. */
        static long[] listenCounters() throws IOException, InterruptedException {
            Process p = new ProcessBuilder("nstat", "-asz", "TcpExtListenOverflows", "TcpExtListenDrops")
                    .redirectErrorStream(true)
                    .start();
            long[] out = {-1, -1};
            for (String line : new String(p.getInputStream().readAllBytes()).split("\n")) {
                String[] f = line.trim().split("\\s+");
                if (f.length >= 2 && f[0].equals("TcpExtListenOverflows")) {
                    out[0] = Long.parseLong(f[1]);
                } else if (f.length >= 2 && f[0].equals("TcpExtListenDrops")) {
                    out[1] = Long.parseLong(f[1]);
                }
            }
            p.waitFor();
            return out;
        }
    }
}
