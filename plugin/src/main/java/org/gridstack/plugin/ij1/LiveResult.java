package org.gridstack.plugin.ij1;

import ij.ImagePlus;
import java.awt.EventQueue;
import java.awt.GraphicsEnvironment;
import org.gridstack.GridStack;
import org.gridstack.array.ArrayMeta;
import org.gridstack.base.Progress;

/**
 * Progress that also shows the result array while an operation makes it: the window opens once the array is in
 * the catalog and is redrawn a few times a second as chunks complete; at the end it shows the finished array.
 * Headless it is just the progress.
 */
public final class LiveResult implements Progress {
    private static final long REDRAW_NANOS = 400_000_000L;

    private final GridStack grid;
    private final String target;
    private final Progress progress;
    private final boolean enabled = !GraphicsEnvironment.isHeadless();
    private volatile ImagePlus window;
    private volatile GridVirtualStack liveStack;
    private long lastRedraw;

    public LiveResult(GridStack grid, String target, Progress progress) {
        this.grid = grid;
        this.target = target;
        this.progress = progress;
    }

    @Override
    public void update(long done, long total, long bytes) {
        progress.update(done, total, bytes);
        if (!enabled || System.nanoTime() - lastRedraw < REDRAW_NANOS) return;
        lastRedraw = System.nanoTime();
        EventQueue.invokeLater(this::redraw);
    }

    @Override
    public boolean isCancelled() {
        return progress.isCancelled();
    }

    private void redraw() {
        if (window == null) {
            ArrayMeta meta = grid.findArray(target);
            if (meta == null) return;
            liveStack = new GridVirtualStack(grid, meta, true);
            window = new ImagePlus(target + " (in progress)", liveStack);
            window.setProperty(GridDisplay.ARRAY_PROPERTY, target);
            window.show();
        } else {
            liveStack.refresh();
            window.updateAndDraw();
        }
    }

    /** Shows the finished array: in the live window if one is open, else in a new window. */
    public ImagePlus finish(ArrayMeta result) {
        if (window == null) return GridDisplay.showStack(grid, result);
        ImagePlus imp = window;
        EventQueue.invokeLater(() -> {
            imp.setStack(new GridVirtualStack(grid, result));
            imp.setTitle(result.name());
        });
        return imp;
    }
}
