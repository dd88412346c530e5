package org.gridstack.ops.rechunk;

import org.gridstack.array.ArrayMeta;
import org.gridstack.base.Progress;
import org.gridstack.ops.HalfMade;
import org.gridstack.ops.OperationContext;
import org.gridstack.shuffle.BlockTransform;
import org.gridstack.shuffle.Shuffle;
import org.gridstack.telemetry.TaskLog;

/**
 * Makes a new array from another by the shuffle, as rechunk and FFT power do. A half-made array of the same making
 * is finished: its stored blocks are kept and only the others are made (see {@link HalfMade}). If the shuffle is
 * cancelled or fails, the array stays cataloged, half-made; blocks it lacks are made from its recipe when read.
 */
public final class ShuffleInto {
    private ShuffleInto() {}

    public static ArrayMeta run(OperationContext context, ArrayMeta parent, ArrayMeta planned, BlockTransform transform,
            long memoryBytes, Progress progress, TaskLog log) {
        ArrayMeta made = HalfMade.start(context, planned);
        try {
            new Shuffle(context.ignite()).run(parent, made, !HalfMade.resumes(planned, made), transform, memoryBytes, progress, log);
        } catch (RuntimeException e) {
            throw HalfMade.failed(context, made, e);
        }
        return HalfMade.finish(context, made);
    }
}
