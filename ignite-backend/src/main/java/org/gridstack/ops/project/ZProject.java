package org.gridstack.ops.project;

import java.util.Locale;
import org.gridstack.array.ArrayMeta;
import org.gridstack.base.Progress;
import org.gridstack.exec.ChunkReduction;
import org.gridstack.ops.OperationContext;

/** Z Project: a projection over time, folded where the chunks live. */
public final class ZProject {
    private ZProject() {}

    /** The projected frame, row-major (H, W), as doubles (see {@link ProjectionReducer#finish}). */
    public static double[] run(OperationContext context, String name, Projection projection, Progress progress) {
        ArrayMeta meta = context.catalog().get(name);
        ProjectionReducer reducer = new ProjectionReducer(projection);
        String operation = projection.label().toLowerCase(Locale.ROOT) + " of " + name;
        PixelStats stats = ChunkReduction.run(context.ignite(), meta, reducer, progress, context.history().start(operation));
        return reducer.finish(stats, meta.grid().frames());
    }
}
