package org.gridstack.ops.project;

import org.gridstack.array.ArrayMeta;
import org.gridstack.base.Progress;
import org.gridstack.exec.ChunkReduction;
import org.gridstack.ops.OperationContext;

/** Slice means: the exact mean of every frame, sum / (H * W); from the sums the array's persist kept, when it did. */
public final class SliceMeans {
    private SliceMeans() {}

    public static double[] run(OperationContext context, String name, Progress progress) {
        ArrayMeta meta = context.catalog().get(name);
        SliceSumReducer.Sums sums = PersistAndSum.frameSums(context, meta);
        if (sums != null) {
            PersistAndSum.reportDone(meta, progress);
        } else {
            sums = ChunkReduction.run(context.ignite(), meta, new SliceSumReducer(), progress, context.history().start("slice means of " + name));
        }
        return sums.means((double) meta.grid().height() * meta.grid().width());
    }
}
