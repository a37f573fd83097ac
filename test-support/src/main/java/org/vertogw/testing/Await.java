package org.vertogw.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Waits for a condition with a deadline: polls it, and fails with what was awaited and the state seen last. The one
 * way tests wait for something that is not a message (no sleeps as synchronisation).
 */
public final class Await {

    public static final Duration DEFAULT = Duration.ofSeconds(15);

    private Await() {}

    public static void until(String what, BooleanSupplier condition) {
        until(what, DEFAULT, condition, () -> "");
    }

    public static void until(String what, Duration within, BooleanSupplier condition) {
        until(what, within, condition, () -> "");
    }

    /** @param state described in the failure, so that a timeout says what it saw */
    public static void until(String what, Duration within, BooleanSupplier condition, Supplier<String> state) {
        long deadline = System.nanoTime() + within.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                String seen = state.get();
                throw new AssertionError("timed out after " + within.toMillis() + " ms waiting for " + what
                        + (seen.isEmpty() ? "" : ": " + seen));
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what, e);
            }
        }
    }
}
