package org.gridstack.array;

import java.io.Serializable;

/**
 * How any chunk of a grid array is made: read from source files, or computed from parent arrays.
 * A missing chunk (never made, evicted, lost with a node) is remade from its recipe where it is needed,
 * so a recipe runs on any server node and must be Serializable and on every node's classpath.
 * A recipe computed from a parent holds the parent's {@link ArrayMeta} itself: lineage is by identity, so
 * opening another array under the parent's name later does not change what this array is made from.
 */
public interface Recipe extends Serializable {
    /** Makes chunk {@code index} of {@code array}; returns the primitive array of the array's data type. */
    Object makeChunk(ArrayMeta array, long index, ChunkReader parents);

    /** One line for status views, e.g. "read from /data/slice_%05d.tif". */
    String describe();

    /**
     * What this array is made from, as the user names it, and by which operation, without the operation's
     * parameters: for a derived array the operation and its parent's name, for a source what it reads. Arrays of
     * the same origin are results of the same command on the same input, so running it again may replace the
     * earlier result.
     */
    default String origin() {
        return describe();
    }

    /**
     * What this array is made from by identity (its parent's id) and how (the parameters). Two makings with the
     * same lineage, type and geometry make the same chunks (so an unfinished one can be finished).
     */
    default String lineage() {
        return origin();
    }

    /**
     * Whether chunks evicted from memory are worth keeping on disk rather than made again: true for computed
     * chunks; a source says so for itself (local image files are already a copy on disk).
     */
    default boolean worthSpilling() {
        return true;
    }

    /** The array this recipe computes from, or null for source recipes. */
    default ArrayMeta parent() {
        return null;
    }

    /**
     * Whether {@link #readRows} reads part of a frame directly, more cheaply than making (and storing) the frame's
     * chunk: local image files, which are their own copy on disk.
     */
    default boolean readsRows() {
        return false;
    }

    /** Rows [row0, row0 + rows) of frame t, whole rows, into {@code dest} at element {@code offset}; see {@link #readsRows}. */
    default void readRows(ArrayMeta array, int t, int row0, int rows, Object dest, int offset) {
        throw new UnsupportedOperationException(describe() + " does not read parts of frames");
    }

    /** Reads chunks of other grid arrays (made if missing), for recipes computed from parents. */
    interface ChunkReader {
        Object chunk(ArrayMeta array, long index);

        /** The chunk if it is stored now, else null; never makes it. A reader that cannot tell makes it, as {@link #chunk}. */
        default Object stored(ArrayMeta array, long index) {
            return chunk(array, index);
        }
    }
}
