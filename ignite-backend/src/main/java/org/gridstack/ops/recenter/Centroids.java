package org.gridstack.ops.recenter;

import org.gridstack.array.ArrayMeta;
import org.gridstack.base.Progress;
import org.gridstack.exec.ChunkReduction;
import org.gridstack.ops.OperationContext;

/**
 * Centroids: the intensity-weighted centroid of every frame, exact. Persist sums them while it has each chunk at hand
 * ({@link #keep}); then neither Centroids nor Recenter of that very array reads it again for them.
 */
public final class Centroids {
    private static final String KEPT = "centroid sums";

    private Centroids() {}

    /** {@code {x[], y[]}}: x is the ROW and y the COLUMN coordinate; (0, 0) for a frame whose total is 0. */
    public static double[][] run(OperationContext context, String name, Progress progress) {
        ArrayMeta array = context.catalog().get(name);
        CentroidReducer.Sums kept = kept(context, array);
        if (kept != null) {
            long chunks = array.grid().chunkCount();
            progress.update(chunks, chunks, array.bytes());
            return CentroidReducer.finish(kept);
        }
        return CentroidReducer.finish(ChunkReduction.run(context.ignite(), array, new CentroidReducer(), progress,
                context.history().start("centroids of " + name)));
    }

    /** Keeps the centroid sums of all of {@code array}'s frames, summed while persisting it. */
    public static void keep(OperationContext context, ArrayMeta array, CentroidReducer.Sums sums) {
        context.memo().put(array, KEPT, sums, sums.bytes());
    }

    /** The centroid sums a persist of this very array kept, or null. */
    static CentroidReducer.Sums kept(OperationContext context, ArrayMeta array) {
        return context.memo().get(array, KEPT, CentroidReducer.Sums.class);
    }
}
