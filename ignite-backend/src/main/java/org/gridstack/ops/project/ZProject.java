package org.gridstack.ops.project;

import java.util.Locale;
import org.gridstack.array.ArrayMeta;
import org.gridstack.base.Progress;
import org.gridstack.exec.ChunkReduction;
import org.gridstack.ops.OperationContext;

/**
 * Z Project: a projection over time, folded where the chunks live; Average and Sum come from the sums the array's
 * persist kept, when it did ({@link PersistAndSum}).
 */
public final class ZProject {
    private ZProject() {}

    /** The projected frame, row-major (H, W), as doubles (see {@link ProjectionReducer#finish}). */
    public static double[] run(OperationContext context, String name, Projection projection, Progress progress) {
        ArrayMeta meta = context.catalog().get(name);
        ProjectionReducer reducer = new ProjectionReducer(projection);
        long frames = meta.grid().frames();
        PixelStats kept = projection == Projection.AVERAGE || projection == Projection.SUM ? PersistAndSum.pixelSums(context, meta) : null;
        if (kept != null) {
            PersistAndSum.reportDone(meta, progress);
            return reducer.finish(kept, frames);
        }
        String operation = projection.label().toLowerCase(Locale.ROOT) + " of " + name;
        PixelStats stats = ChunkReduction.run(context.ignite(), meta, reducer, progress, context.history().start(operation));
        return reducer.finish(stats, frames);
    }
}
