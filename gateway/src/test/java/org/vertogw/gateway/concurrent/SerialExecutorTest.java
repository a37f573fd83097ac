package org.vertogw.gateway.concurrent;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.vertogw.testing.Await;

class SerialExecutorTest {

    private final ExecutorService pool = Executors.newFixedThreadPool(4);

    @AfterEach
    void stop() throws InterruptedException {
        pool.shutdownNow();
        pool.awaitTermination(5, TimeUnit.SECONDS);
    }

    @Test
    void anIdleExecutorRunsAFrameOnTheCallingThread() {
        SerialExecutor serial = new SerialExecutor(pool);
        Thread[] ran = new Thread[1];
        serial.executeHere(() -> ran[0] = Thread.currentThread());
        assertThat(ran[0]).isSameAs(Thread.currentThread());
    }

    @Test
    void aFrameArrivingWhileATaskRunsWaitsItsTurnOnThePool() throws Exception {
        SerialExecutor serial = new SerialExecutor(pool);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(1);
        List<String> order = new CopyOnWriteArrayList<>();
        Thread[] frameThread = new Thread[1];
        serial.execute(() -> {
            started.countDown();
            await(release);
            order.add("task");
        });
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
        serial.executeHere(() -> {
            frameThread[0] = Thread.currentThread();
            order.add("frame");
        });
        assertThat(order).as("the frame did not run beside the task").isEmpty();
        release.countDown();
        Await.until("both ran", Duration.ofSeconds(5), () -> order.size() == 2);
        assertThat(order).containsExactly("task", "frame");
        assertThat(frameThread[0]).isNotSameAs(Thread.currentThread());
    }

    @Test
    void tasksQueuedDuringAnInlineFrameRunAfterItInOrder() throws Exception {
        SerialExecutor serial = new SerialExecutor(pool);
        List<Integer> order = new CopyOnWriteArrayList<>();
        AtomicInteger concurrent = new AtomicInteger();
        AtomicInteger maxConcurrent = new AtomicInteger();
        serial.executeHere(() -> {
            enter(concurrent, maxConcurrent);
            for (int i = 1; i <= 50; i++) {
                int n = i;
                serial.execute(() -> {
                    enter(concurrent, maxConcurrent);
                    order.add(n);
                    concurrent.decrementAndGet();
                });
            }
            order.add(0);
            concurrent.decrementAndGet();
        });
        Await.until("all 51 ran", Duration.ofSeconds(5), () -> order.size() == 51);
        assertThat(order).isSorted();
        assertThat(maxConcurrent).hasValue(1);
        // the executor is idle again: the next frame runs here
        Thread[] ran = new Thread[1];
        Await.until("idle again", Duration.ofSeconds(5), () -> {
            serial.executeHere(() -> ran[0] = Thread.currentThread());
            return ran[0] == Thread.currentThread();
        });
    }

    private static void enter(AtomicInteger concurrent, AtomicInteger max) {
        max.accumulateAndGet(concurrent.incrementAndGet(), Math::max);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
