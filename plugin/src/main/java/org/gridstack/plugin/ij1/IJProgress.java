package org.gridstack.plugin.ij1;

import ij.IJ;
import java.awt.GraphicsEnvironment;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.gridstack.base.Progress;

/**
 * Progress of a grid job in ImageJ: "&lt;what&gt;: 123/456 chunks, 540 MB/s, ETA 42 s", with the ETA of an
 * {@link EtaEstimator}. Esc cancels, and so does a signal that stops the headless launcher ({@link HeadlessStop}).
 *
 * <p>Headless (a macro, in batch mode or not): a start line, a line every {@value #LINE_SECONDS} s while it
 * runs, and an end line, all through {@code IJ.log}. The lines come from the updates and from the cancel polls:
 * the backend polls {@link #isCancelled()} a few times a second while its jobs run, so a line is due on time even
 * while no chunk finishes (one slow chunk, a stall), without a timer thread of our own that would have to be stopped
 * when an operation fails. With a display: the progress bar and the status line, refreshed on every update and,
 * while none comes, once a second from the polls.
 */
public final class IJProgress implements Progress {
    static final double LINE_SECONDS = 10;
    private static final double STATUS_SECONDS = 1;
    private static final long NANOS = 1_000_000_000L;

    private final String what;
    private final boolean headless;
    private final LongSupplier clock;
    private final Consumer<String> out;
    private final EtaEstimator eta;
    private final long start;
    private long lastShown;
    private long done;
    private long total = -1;
    private long bytes;
    private boolean ended;

    public IJProgress(String what) {
        this(what, GraphicsEnvironment.isHeadless(), System::nanoTime, null);
        IJ.resetEscape();
    }

    /** {@code out}: where lines go (null: {@code IJ.log} headless, the status line with a display). */
    IJProgress(String what, boolean headless, LongSupplier nanoClock, Consumer<String> out) {
        this.what = what;
        this.headless = headless;
        this.clock = nanoClock;
        this.out = out != null ? out : headless ? IJ::log : IJ::showStatus;
        this.eta = new EtaEstimator(nanoClock);
        this.start = nanoClock.getAsLong();
        this.lastShown = start;
        if (headless) this.out.accept(what + ": started");
    }

    @Override
    public synchronized void update(long done, long total, long bytes) {
        eta.update(done, total, bytes);
        this.done = done;
        this.total = total;
        this.bytes = bytes;
        boolean ends = done >= total && !ended;
        ended |= ends;
        if (!headless) {
            IJ.showProgress((int) done, (int) total);
            show(line());
        } else if (ends) {
            show(endLine());
        } else if (!ended && due(LINE_SECONDS)) {
            show(line());
        }
    }

    @Override
    public boolean isCancelled() {
        synchronized (this) {
            if (!ended && due(headless ? LINE_SECONDS : STATUS_SECONDS)) show(line());
        }
        return IJ.escapePressed() || HeadlessStop.requested();
    }

    /** Status line after the job: how long it took and at what rate. */
    public String summary(long bytes) {
        double seconds = (clock.getAsLong() - start) / 1e9;
        return String.format(Locale.ROOT, "%s: %.2f s, %.0f MB/s", what, seconds, bytes / 1e6 / Math.max(1e-9, seconds));
    }

    private boolean due(double seconds) {
        return clock.getAsLong() - lastShown >= seconds * NANOS;
    }

    private void show(String line) {
        lastShown = clock.getAsLong();
        out.accept(line);
    }

    private String line() {
        if (total < 0) return String.format(Locale.ROOT, "%s: no chunk done yet after %s", what, duration(eta.elapsedSeconds()));
        String line = String.format(Locale.ROOT, "%s: %d/%d chunks, %s MB/s, ETA %s", what, done, total,
                megabytes(eta.megabytesPerSecond()), eta(eta.etaSeconds()));
        double waiting = eta.secondsSinceUpdate();
        return waiting >= LINE_SECONDS ? line + " (no chunk for " + duration(waiting) + ")" : line;
    }

    private String endLine() {
        double seconds = eta.elapsedSeconds();
        return String.format(Locale.ROOT, "%s: %d/%d chunks, %s MB/s, done in %s", what, done, total,
                megabytes(bytes / 1e6 / Math.max(1e-9, seconds)), seconds < 10 ? String.format(Locale.ROOT, "%.1f s", seconds) : duration(seconds));
    }

    /** 540, or 0.7 below 10 (a slow source). */
    static String megabytes(double perSecond) {
        return String.format(Locale.ROOT, perSecond < 9.95 ? "%.1f" : "%.0f", perSecond);
    }

    private static String eta(double seconds) {
        return Double.isNaN(seconds) ? "unknown" : duration(seconds);
    }

    /** 42 s, 7 min 05 s (from a minute), 2 h 13 min (from 100 minutes). */
    static String duration(double seconds) {
        long s = Math.round(seconds);
        if (s < 60) return s + " s";
        if (s < 100 * 60) return String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
        return String.format(Locale.ROOT, "%d h %02d min", s / 3600, (s / 60) % 60);
    }
}
