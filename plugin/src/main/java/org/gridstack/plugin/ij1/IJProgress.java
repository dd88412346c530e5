package org.gridstack.plugin.ij1;

import ij.IJ;
import ij.macro.Interpreter;
import java.awt.GraphicsEnvironment;
import java.util.Locale;
import org.gridstack.base.Progress;

/**
 * Progress of a grid job in ImageJ: the progress bar and status line (chunks, MB/s, ETA), or a log line per
 * tenth when headless. Esc cancels.
 */
public final class IJProgress implements Progress {
    private final String what;
    private final long start = System.nanoTime();
    private final boolean headless = GraphicsEnvironment.isHeadless();
    private long lastLoggedTenth = -1;

    public IJProgress(String what) {
        this.what = what;
        IJ.resetEscape();
    }

    @Override
    public void update(long done, long total, long bytes) {
        double seconds = Math.max(1e-9, (System.nanoTime() - start) / 1e9);
        double rate = bytes / 1e6 / seconds;
        double eta = done == 0 ? 0 : seconds * (total - done) / done;
        String line = String.format(Locale.ROOT, "%s: %d/%d chunks, %.0f MB/s, ETA %.0f s", what, done, total, rate, eta);
        if (headless) {
            long tenth = done * 10 / Math.max(1, total);
            if (tenth != lastLoggedTenth) {
                lastLoggedTenth = tenth;
                if (!Interpreter.isBatchMode() || done == total || tenth % 5 == 0) IJ.log(line);
            }
        } else {
            IJ.showProgress((int) done, (int) total);
            IJ.showStatus(line);
        }
    }

    @Override
    public boolean isCancelled() {
        return IJ.escapePressed();
    }

    /** Status line after the job: how long it took and at what rate. */
    public String summary(long bytes) {
        double seconds = (System.nanoTime() - start) / 1e9;
        return String.format(Locale.ROOT, "%s: %.2f s, %.0f MB/s", what, seconds, bytes / 1e6 / Math.max(1e-9, seconds));
    }
}
