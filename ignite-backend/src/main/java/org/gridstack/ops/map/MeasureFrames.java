package org.gridstack.ops.map;

import org.gridstack.array.ArrayMeta;
import org.gridstack.array.ChunkGrid;
import org.gridstack.base.GridStackException;
import org.gridstack.base.Progress;
import org.gridstack.exec.ChunkReduction;
import org.gridstack.ops.OperationContext;

/** Measure: the user's function run on every slice where it lives; the rows it gives, as one table ordered by slice. */
public final class MeasureFrames {
    private MeasureFrames() {}

    public static Measurements run(OperationContext context, String source, FrameMeasurer measurer, Progress progress) {
        ArrayMeta array = context.catalog().get(source);
        ChunkGrid grid = array.grid();
        if (grid.chunksAlong(1) != 1 || grid.chunksAlong(2) != 1) {
            throw new GridStackException("'" + source + "' is stored in blocks of " + grid.chunkShape()[1] + "x" + grid.chunkShape()[2]
                    + " pixels, not whole slices: measure the array it was rechunked from");
        }
        return ChunkReduction.run(context.ignite(), array, new MeasureReducer(measurer), progress,
                context.history().start("measure " + source + " with " + measurer.describe()));
    }
}
