package org.gridstack.ops;

import org.gridstack.array.ArrayMeta;
import org.gridstack.base.Progress;
import org.gridstack.exec.ChunkReduction;

/** Persist: makes every chunk of an array now, on the nodes that own them. */
public final class Persist {
    private Persist() {}

    /** Returns the bytes of the array's chunks, all now in the grid. */
    public static long run(OperationContext context, String name, Progress progress) {
        return run(context, name, progress, "persist " + name);
    }

    /** As {@link #run(OperationContext, String, Progress)}, its task log titled {@code title} (the operation the chunks are made for). */
    public static long run(OperationContext context, String name, Progress progress, String title) {
        ArrayMeta array = context.catalog().get(name);
        SpillPolicy.requireDisk(context, array);
        return ChunkReduction.run(context.ignite(), array, new PersistReducer(), progress, context.history().start(title));
    }
}
