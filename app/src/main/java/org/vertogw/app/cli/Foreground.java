package org.vertogw.app.cli;

import java.util.concurrent.CountDownLatch;

/** Keeps a server command in the foreground until the process is asked to stop, then closes what it started. */
final class Foreground {

    static void runUntilStopped(AutoCloseable running) {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            try {
                                running.close();
                            } catch (Exception ignored) {
                                // stopping anyway
                            }
                            stopped.countDown();
                        },
                        "shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Foreground() {}
}
