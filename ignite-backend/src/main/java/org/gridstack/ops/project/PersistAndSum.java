package org.gridstack.ops.project;

import org.gridstack.array.ArrayMeta;
import org.gridstack.base.Progress;
import org.gridstack.ops.OperationContext;
import org.gridstack.ops.Persist;
import org.gridstack.ops.recenter.Centroids;

/**
 * Persist as the user asks for it: besides making every chunk, it sums each pixel over time, each frame, and each
 * frame's centroid moments while the chunk is at hand, and keeps the sums ({@link org.gridstack.ops.ResultMemo}).
 * Z Project (Average, Sum), slice means and the centroids of the same array then answer from them instead of
 * reading it all again, which for a stack larger than memory is another pass over its files (Recenter still reads
 * it once, to cut the windows). The per-pixel sums take a double per pixel in every job, so frames over
 * 8M pixels are persisted without sums.
 */
public final class PersistAndSum {
    private static final String PIXEL_SUMS = "pixel sums";
    private static final String FRAME_SUMS = "frame sums";
    private static final long MAX_PIXEL_SUM_BYTES = 64L << 20;

    private PersistAndSum() {}

    /** Returns the bytes of the array's chunks, all now in the grid. */
    public static long run(OperationContext context, String name, Progress progress) {
        ArrayMeta array = context.catalog().get(name);
        long pixelSumBytes = (long) array.grid().height() * array.grid().width() * Double.BYTES;
        if (pixelSumBytes > MAX_PIXEL_SUM_BYTES) return Persist.run(context, name, progress);
        StackSumsReducer.Sums sums = Persist.fold(context, array, new StackSumsReducer(), progress, "persist " + name);
        context.memo().put(array, PIXEL_SUMS, sums.pixels, pixelSumBytes);
        context.memo().put(array, FRAME_SUMS, sums.frameSums(), array.grid().frames() * Long.BYTES);
        Centroids.keep(context, array, sums.centroids);
        return sums.bytes;
    }

    /** A copy of the per-pixel sums a persist of this very array kept, or null. */
    static PixelStats pixelSums(OperationContext context, ArrayMeta array) {
        PixelStats kept = context.memo().get(array, PIXEL_SUMS, PixelStats.class);
        return kept == null ? null : new PixelStats(kept.sum.clone(), null, null, null);
    }

    /** The per-frame sums a persist of this very array kept, or null. */
    static SliceSumReducer.Sums frameSums(OperationContext context, ArrayMeta array) {
        return context.memo().get(array, FRAME_SUMS, SliceSumReducer.Sums.class);
    }

    /** Tells {@code progress} that all of the array was done at once (an answer from kept sums). */
    static void reportDone(ArrayMeta array, Progress progress) {
        long chunks = array.grid().chunkCount();
        progress.update(chunks, chunks, array.bytes());
    }
}
