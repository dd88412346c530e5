package org.gridstack.plugin.ij1;

import ij.ImagePlus;
import java.awt.EventQueue;
import java.awt.GraphicsEnvironment;
import java.lang.reflect.InvocationTargetException;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.gridstack.GridStack;
import org.gridstack.array.ArrayMeta;
import org.gridstack.base.GridStackException;
import org.gridstack.base.Progress;

/**
 * Progress that also shows the result array while an operation makes it: the window opens once the array is in
 * the catalog and is redrawn a few times a second as chunks complete; at the end it shows the finished array.
 * Headless, or when the result is not to be shown, it is just the progress.
 */
public final class LiveResult implements Progress {
    private static final long REDRAW_NANOS = 400_000_000L;

    private final GridStack grid;
    private final String target;
    private final Progress progress;
    private final boolean show;
    private final boolean enabled;
    private long lastRedraw;
    // Only the event dispatch thread touches these, so a redraw never runs half-way through finish or after it.
    private ImagePlus window;
    private GridVirtualStack liveStack;
    private boolean finished;

    /** {@code show}: whether the result is to be shown at all (no live window otherwise). */
    public LiveResult(GridStack grid, String target, Progress progress, boolean show) {
        this.grid = grid;
        this.target = target;
        this.progress = progress;
        this.show = show;
        this.enabled = show && !GraphicsEnvironment.isHeadless();
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
        if (finished) return;
        if (window == null) {
            ArrayMeta meta = grid.findArray(target);
            if (meta == null) return;
            liveStack = new GridVirtualStack(grid, meta, true);
            window = ImageAxes.stack(new ImagePlus(target + " (in progress)", liveStack), meta);
            CurrentArray.mark(window, target);
            window.show();
        } else {
            liveStack.refresh();
            window.updateAndDraw();
        }
    }

    /**
     * Shows the finished array: in the live window if one is open, else in a new window, shown on the calling
     * thread so that it belongs to the calling macro like other commands' images. Nothing when it is not to be shown.
     */
    public ImagePlus finish(ArrayMeta result) {
        if (!show) return null;
        ImagePlus live = enabled ? onEventThread(() -> finishLiveWindow(result)) : null;
        return live != null ? live : GridDisplay.showStack(grid, result);
    }

    private ImagePlus finishLiveWindow(ArrayMeta result) {
        finished = true;
        if (window != null) {
            window.setStack(new GridVirtualStack(grid, result));
            ImageAxes.stack(window, result);
            window.setTitle(result.name());
        }
        return window;
    }

    private <T> T onEventThread(Callable<T> work) {
        FutureTask<T> task = new FutureTask<>(work);
        try {
            if (EventQueue.isDispatchThread()) task.run();
            else EventQueue.invokeAndWait(task);
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GridStackException("interrupted while showing " + target, e);
        } catch (InvocationTargetException | ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException) throw (RuntimeException) cause;
            if (cause instanceof Error) throw (Error) cause;
            throw new GridStackException("cannot show " + target + ": " + cause, cause);
        }
    }
}
