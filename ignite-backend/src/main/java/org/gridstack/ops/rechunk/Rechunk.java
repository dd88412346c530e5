package org.gridstack.ops.rechunk;

import org.gridstack.array.ArrayMeta;
import org.gridstack.base.Progress;
import org.gridstack.ops.ArrayNames;
import org.gridstack.ops.OperationContext;
import org.gridstack.shuffle.KeepBlock;

/**
 * Rechunk: a copy of an array in time-series blocks (T, b, b), laid out like every chunk, row-major (t, row, col):
 * each pixel's series is one strided run. Values are identical; made by the bounded-memory shuffle.
 */
public final class Rechunk {
    private Rechunk() {}

    public static ArrayMeta run(OperationContext context, String source, String target, int block, long memoryBytes, Progress progress) {
        ArrayMeta parent = context.catalog().get(source);
        ArrayMeta planned = new ArrayMeta(ArrayNames.target(source, target), parent.type(), TimeSeriesBlocks.of(parent, block),
                new RechunkRecipe(parent)).calibrated(parent.calibration());
        return ShuffleInto.run(context, parent, planned, new KeepBlock(), memoryBytes, progress, context.history().start("rechunk " + source));
    }
}
