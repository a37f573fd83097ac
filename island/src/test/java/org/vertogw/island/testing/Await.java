package org.vertogw.island.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for a condition with a deadline, polling; the one way tests here wait for something that is not a message. */
public final class Await {

    public static final Duration DEFAULT = Duration.ofSeconds(15);

    public static void until(BooleanSupplier condition, String what) throws InterruptedException {
        until(condition, what, DEFAULT);
    }

    public static void until(BooleanSupplier condition, String what, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }

    private Await() {}
}
