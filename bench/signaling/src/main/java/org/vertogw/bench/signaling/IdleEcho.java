package org.vertogw.bench.signaling;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;

/**
 * Every open session sends an {@code echo} (relayed to the island and back, docs/protocol.md) once per period, the
 * sessions spread evenly over it, as idle clients keep their connections alive; the round trips are the latency of
 * a message relayed while all the others idle.
 */
final class IdleEcho {

    record Result(Histogram latency, long sent, long failures) {}

    private IdleEcho() {}

    static Result run(List<BenchClient.Connection> sessions, int seconds, int periodSeconds) throws Exception {
        Histogram latency = new Histogram(60_000_000L, 3);
        AtomicLong failures = new AtomicLong();
        AtomicLong sent = new AtomicLong();
        ScheduledExecutorService timer = Executors.newScheduledThreadPool(2);
        long periodMicros = periodSeconds * 1_000_000L;
        long gap = Math.max(1, periodMicros / Math.max(1, sessions.size()));
        for (int i = 0; i < sessions.size(); i++) {
            BenchClient.Connection c = sessions.get(i);
            timer.scheduleAtFixedRate(
                    () -> {
                        long t0 = System.nanoTime();
                        sent.incrementAndGet();
                        c.request("echo", "{\"n\":" + t0 + "}").whenComplete((r, e) -> {
                            if (e != null || !r.has("result")) {
                                failures.incrementAndGet();
                            } else {
                                synchronized (latency) {
                                    latency.recordValue(Math.max(1, (System.nanoTime() - t0) / 1000));
                                }
                            }
                        });
                    },
                    i * gap,
                    periodMicros,
                    TimeUnit.MICROSECONDS);
        }
        new CountDownLatch(1).await(seconds, TimeUnit.SECONDS);
        timer.shutdownNow();
        return new Result(latency, sent.get(), failures.get());
    }
}
