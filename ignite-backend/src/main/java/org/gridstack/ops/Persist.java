package org.gridstack.ops;

import java.io.Serializable;
import org.gridstack.array.ArrayMeta;
import org.gridstack.base.Progress;
import org.gridstack.exec.ChunkReducer;
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
        return fold(context, context.catalog().get(name), new PersistReducer(), progress, title);
    }

    /** Persists the array and folds every chunk into {@code reducer} on the way, while the chunk is at hand. */
    public static <P extends Serializable> P fold(OperationContext context, ArrayMeta array, ChunkReducer<P> reducer, Progress progress, String title) {
        SpillPolicy.requireDisk(context, array);
        return ChunkReduction.run(context.ignite(), array, reducer, progress, context.history().start(title));
    }
}
