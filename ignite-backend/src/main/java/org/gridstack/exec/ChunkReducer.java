package org.gridstack.exec;

import java.io.Serializable;
import org.gridstack.array.ArrayMeta;

/**
 * A reduction over the chunks of one array, run where the chunks live: each job folds its chunks into a partial,
 * the caller combines one partial per job. Partials must be Serializable (they cross the network once per job).
 */
public interface ChunkReducer<P extends Serializable> extends Serializable {
    P identity(ArrayMeta array);

    /** Folds chunk {@code index} into {@code partial}; may update and return it. */
    P accumulate(P partial, ArrayMeta array, long index, Object chunk);

    P combine(P a, P b);

    /** The partial as its job returns it, once all its chunks are folded (e.g. with buffered sums added in). */
    default P partialDone(P partial) {
        return partial;
    }
}
