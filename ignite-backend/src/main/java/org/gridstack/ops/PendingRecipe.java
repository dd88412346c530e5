package org.gridstack.ops;

import org.gridstack.base.GridStackException;
import org.gridstack.array.ArrayMeta;
import org.gridstack.array.Recipe;

/**
 * The recipe of an array whose operation is still running and whose chunks cannot be made on their own yet:
 * it marks the array as half-made. Chunks already stored can be read (a live view shows them fill in); asking for
 * a missing one says why it is not there.
 */
public final class PendingRecipe implements Recipe {
    private static final long serialVersionUID = 1L;

    private final String operation;
    private final String origin;
    private final String lineage;

    /** {@code origin} and {@code lineage}: those of the recipe the array gets when it is finished, so that a rerun can finish it. */
    public PendingRecipe(String operation, String origin, String lineage) {
        this.operation = operation;
        this.origin = origin;
        this.lineage = lineage;
    }

    @Override
    public String origin() {
        return origin;
    }

    @Override
    public String lineage() {
        return lineage;
    }

    @Override
    public Object makeChunk(ArrayMeta array, long index, ChunkReader parents) {
        throw new GridStackException("'" + array.name() + "' is half-made (" + operation + "): chunk " + index
                + " is not there yet; run the operation again to finish it");
    }

    @Override
    public String describe() {
        return "being made: " + operation;
    }
}
