package org.gridstack.telemetry;

/**
 * Wall-clock microseconds with nanoTime resolution, so that events of different nodes on one timeline line up
 * (to the accuracy of the machines' clocks) and short tasks still get a width.
 */
public final class TaskClock {
    private static final long BASE_MICROS = System.currentTimeMillis() * 1000;
    private static final long BASE_NANOS = System.nanoTime();

    private TaskClock() {}

    public static long micros() {
        return BASE_MICROS + (System.nanoTime() - BASE_NANOS) / 1000;
    }
}
