package org.gridstack.plugin.ij1;

import java.util.function.LongSupplier;

/** A clock the test moves by hand, in seconds; reads in nanoseconds like {@link System#nanoTime()}. */
final class FakeClock implements LongSupplier {
    private long nanos = 1_000_000_000_000L;
    private final long origin = nanos;

    void set(double seconds) {
        long to = origin + Math.round(seconds * 1e9);
        if (to < nanos) throw new IllegalArgumentException("time runs forward only");
        nanos = to;
    }

    double seconds() {
        return (nanos - origin) / 1e9;
    }

    @Override
    public long getAsLong() {
        return nanos;
    }
}
