package org.gridstack.ops.recenter;

import org.gridstack.base.Progress;
import org.gridstack.exec.ChunkReduction;
import org.gridstack.ops.OperationContext;

/** Centroids: the intensity-weighted centroid of every frame, exact. */
public final class Centroids {
    private Centroids() {}

    /** {@code {x[], y[]}}: x is the ROW and y the COLUMN coordinate; (0, 0) for a frame whose total is 0. */
    public static double[][] run(OperationContext context, String name, Progress progress) {
        return CentroidReducer.finish(ChunkReduction.run(context.ignite(), context.catalog().get(name), new CentroidReducer(),
                progress, context.history().start("centroids of " + name)));
    }
}
