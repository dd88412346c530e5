package org.gridstack.plugin.ij1;

import java.util.function.LongSupplier;

/**
 * The remaining time of one stage, from its progress updates (units done of a total, and bytes), measured on an
 * injected clock. Not thread-safe: the caller serializes {@link #update} and the queries.
 *
 * <p>The ETA is the units left divided by the average rate <em>since the warm-up</em>, measured up to now:
 * <ul>
 * <li><b>The warm-up is left out.</b> Work is taken to start at the update that ended the first wait, or a later wait
 * more than twice as long as that (while the ETA is still unknown), and after the updates that follow it within
 * a millisecond. That drops the start-up with the slow first chunk, and the units a resumed stage counts at once
 * when it starts (work an earlier run left behind), with the start-up of the real work after them.</li>
 * <li><b>Unknown rather than wild.</b> The ETA is known once {@value #MIN_UNITS} units came after the warm-up, spread
 * over at least as long as the warm-up's wait (at least {@value #MIN_SECONDS} s, at most
 * {@value #MAX_SPAN_SECONDS} s): parallel jobs that started together finish their first chunks in one burst, and a
 * rate over less than a chunk's time measures the burst, not the pace.</li>
 * <li><b>Up to now, not up to the last update.</b> While no unit comes the rate falls, so in a stall the ETA rises
 * instead of counting down to zero.</li>
 * </ul>
 * Within a phase the units are chunks of similar size, so the average rate predicts the rest. A stage whose units
 * come in phases of different speed (the shuffle scatters input chunks, then finishes output blocks, wave after wave)
 * is off by up to about the ratio of the phases' speeds per unit until it has run through a phase of each kind: the
 * units alone do not tell how many of each kind are left. Averaging over everything since the warm-up, rather than
 * over a recent window, keeps alternating phases (waves) from swinging the ETA, and a past stall from dominating it.
 */
final class EtaEstimator {
    static final long MIN_UNITS = 3;
    static final double MIN_SECONDS = 2;
    static final double MAX_SPAN_SECONDS = 30;

    /** Updates closer than this together are one burst (units counted at once, not worked at that pace). */
    static final long BURST_NANOS = 1_000_000;

    private static final double NANOS = 1e9;

    private final LongSupplier clock;
    private final long start;
    /** Where the work is taken to start, and the latest update: {nanos since start, done, bytes}. */
    private long[] baseline;
    private long[] last;
    private long warmUpWait = -1;
    private boolean warm;
    private long total;

    EtaEstimator(LongSupplier nanoClock) {
        this.clock = nanoClock;
        this.start = nanoClock.getAsLong();
    }

    /** {@code done} units of {@code total} are done, {@code bytes} so far. */
    void update(long done, long total, long bytes) {
        long t = now();
        long[] sample = {t, done, bytes};
        this.total = total;
        if (!warm) {
            long wait = t - (last == null ? 0 : last[0]);
            if (wait > 2 * warmUpWait) {
                warmUpWait = wait;
                baseline = sample;
            } else if (wait < BURST_NANOS && last == baseline) {
                baseline = sample; // counted at once with the baseline: done before the work measured starts
            }
            warm = done - baseline[1] >= MIN_UNITS
                    && t - baseline[0] >= Math.max(MIN_SECONDS * NANOS, Math.min(warmUpWait, MAX_SPAN_SECONDS * NANOS));
        }
        last = sample;
    }

    /** Seconds left (0 when all is done), or NaN while unknown. */
    double etaSeconds() {
        if (last == null) return Double.NaN;
        if (last[1] >= total) return 0;
        double rate = unitsPerSecond();
        return rate > 0 ? (total - last[1]) / rate : Double.NaN;
    }

    /** Units per second since the warm-up, or NaN while unknown. */
    double unitsPerSecond() {
        long now = now();
        return warm ? (last[1] - baseline[1]) * NANOS / (now - baseline[0]) : Double.NaN;
    }

    /** MB/s since the warm-up once the ETA is known; before, since the start. */
    double megabytesPerSecond() {
        long now = now();
        if (last == null) return 0;
        if (!warm) return last[2] / 1e6 / Math.max(1e-9, now / NANOS);
        return (last[2] - baseline[2]) / 1e6 / ((now - baseline[0]) / NANOS);
    }

    /** Seconds since this estimator was made (the stage's start). */
    double elapsedSeconds() {
        return now() / NANOS;
    }

    /** Seconds since the last update, or since the start if none came. */
    double secondsSinceUpdate() {
        return (now() - (last == null ? 0 : last[0])) / NANOS;
    }

    private long now() {
        return clock.getAsLong() - start;
    }

}
