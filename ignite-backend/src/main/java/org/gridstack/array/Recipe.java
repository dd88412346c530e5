package org.gridstack.array;

import java.io.Serializable;

/**
 * How any chunk of a grid array is made: read from source files, or computed from parent arrays.
 * A missing chunk (never made, evicted, lost with a node) is remade from its recipe where it is needed,
 * so a recipe runs on any server node and must be Serializable and on every node's classpath.
 */
public interface Recipe extends Serializable {
    /** Makes chunk {@code index} of {@code array}; returns the primitive array of the array's data type. */
    Object makeChunk(ArrayMeta array, long index, ChunkReader parents);

    /** One line for status views, e.g. "read from /data/slice_%05d.tif". */
    String describe();

    /** The array this recipe computes from, or null for source recipes. */
    default ArrayMeta parent() {
        return null;
    }

    /** Reads chunks of other grid arrays, for recipes computed from parents. */
    interface ChunkReader {
        Object chunk(String arrayName, long index);
    }
}
