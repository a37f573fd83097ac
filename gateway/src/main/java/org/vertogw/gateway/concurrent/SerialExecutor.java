package org.vertogw.gateway.concurrent;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs tasks one at a time, in submission order, on a shared pool: one thread of control per session without a
 * thread per session. A task that throws is logged and does not stop the ones after it.
 */
public final class SerialExecutor implements Executor {

    private static final Logger LOG = LoggerFactory.getLogger(SerialExecutor.class);

    /** {@code -Dvertogw.frameHandoff=true}: {@link #executeHere} always queues, for comparing the two in bench/signaling. */
    private static final boolean HAND_OFF_ALWAYS = Boolean.getBoolean("vertogw.frameHandoff");

    private final Executor pool;
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final AtomicInteger pending = new AtomicInteger();

    public SerialExecutor(Executor pool) {
        this.pool = pool;
    }

    @Override
    public void execute(Runnable task) {
        tasks.add(task);
        if (pending.getAndIncrement() == 0) {
            schedule();
        }
    }

    /**
     * Runs {@code task} on the calling thread when nothing of this executor is queued or running, else queues it
     * behind the rest. For the threads that read a session's frames: a frame then costs no hand-off to the pool,
     * while order and one-at-a-time hold as with {@link #execute}. Tasks queued while it runs are drained on the pool.
     */
    public void executeHere(Runnable task) {
        if (HAND_OFF_ALWAYS || !pending.compareAndSet(0, 1)) {
            execute(task);
            return;
        }
        runLogged(task);
        if (pending.decrementAndGet() > 0) {
            schedule();
        }
    }

    /** Drains the queue on the pool; a pool that refuses (shutting down) drops what is queued. */
    private void schedule() {
        try {
            pool.execute(this::drain);
        } catch (RejectedExecutionException e) {
            tasks.clear();
            pending.set(0);
        }
    }

    private void drain() {
        do {
            runLogged(tasks.poll());
        } while (pending.decrementAndGet() > 0);
    }

    private static void runLogged(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            LOG.error("session task failed", e);
        }
    }
}
