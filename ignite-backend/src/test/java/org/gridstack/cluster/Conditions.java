package org.gridstack.cluster;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waiting on a condition with a deadline (tests never sleep for a fixed time to synchronise). */
public final class Conditions {
    private Conditions() {}

    public static void await(Duration timeout, BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("timed out after " + timeout + " waiting until " + what);
            Thread.onSpinWait();
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
