package org.gridstack.plugin.macro;

import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.gridstack.base.GridStackException;

/**
 * This JVM's pool of {@link IsolatedImageJ} lanes, one per core at most, made when first needed and kept: a call
 * borrows a lane, so as many macros run at once as there are cores, never two in one lane.
 */
public final class ImageJLanes {
    private static final ImageJLanes SHARED = new ImageJLanes(Runtime.getRuntime().availableProcessors());

    private static final ThreadLocal<Boolean> IN_LANE = ThreadLocal.withInitial(() -> false);

    private final int max;
    private final AtomicInteger made = new AtomicInteger();
    private final BlockingQueue<IsolatedImageJ> idle = new LinkedBlockingQueue<>();
    private final AtomicBoolean othersStarted = new AtomicBoolean();

    ImageJLanes(int max) {
        this.max = Math.max(1, max);
    }

    public static ImageJLanes shared() {
        return SHARED;
    }

    /** Runs {@code in} (see {@link org.gridstack.plugin.macro.lane.LaneKeys}) in a free lane, waiting for one if all are busy. */
    public Map<String, Object> run(Map<String, Object> in) {
        IsolatedImageJ lane = borrow();
        IN_LANE.set(true);
        try {
            return lane.run(in);
        } finally {
            IN_LANE.set(false);
            idle.add(lane);
        }
    }

    /**
     * Whether the calling thread is running a lane's code now. Headless ImageJ prints a macro's error on stderr; a
     * lane's is also the failure of the grid command that ran it, which names the slice, so it need not be reported twice.
     */
    public static boolean isLaneThread() {
        return IN_LANE.get();
    }

    /** How many lanes this pool has made so far. */
    int lanesMade() {
        return made.get();
    }

    private IsolatedImageJ borrow() {
        try {
            while (true) {
                IsolatedImageJ lane = idle.poll();
                if (lane != null) return lane;
                if (made.incrementAndGet() <= max) {
                    startTheOthers();
                    return make();
                }
                made.decrementAndGet();
                lane = idle.poll(100, TimeUnit.MILLISECONDS);
                if (lane != null) return lane;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GridStackException("interrupted while waiting for a free ImageJ lane");
        }
    }

    /** A new lane, counted in {@link #made} already. */
    private IsolatedImageJ make() {
        try {
            return new IsolatedImageJ();
        } catch (RuntimeException | Error e) {
            made.decrementAndGet();
            throw e;
        }
    }

    /**
     * The first time a lane is needed, the others are made in the background meanwhile (about a second each): the
     * first call (the map's trial on its first slice) needs one, and the jobs that follow need them all.
     */
    private void startTheOthers() {
        if (!othersStarted.compareAndSet(false, true)) return;
        while (made.incrementAndGet() <= max) {
            Thread starter = new Thread(() -> {
                try {
                    idle.add(make());
                } catch (RuntimeException | Error e) {
                    // the next borrow makes it in the foreground and reports why it cannot
                }
            }, "imagej-lane-start");
            starter.setDaemon(true);
            starter.start();
        }
        made.decrementAndGet();
    }
}
