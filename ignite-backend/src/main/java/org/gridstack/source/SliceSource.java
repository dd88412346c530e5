package org.gridstack.source;

import java.io.Serializable;
import org.gridstack.array.Calibration;

/**
 * An ordered list of 2-D slices somewhere (files, URLs, pages of a TIFF). Serializable so that the node
 * owning a chunk reads that chunk's slices itself.
 */
public interface SliceSource extends Serializable {
    int size();

    /** Where slice t comes from, for messages: a path, a URL, or "file.tif, page 7". */
    String where(int t);

    /** Reads slice 0's header only. */
    SliceFormat probe();

    /**
     * Reads slice t's header only (for a URL, that is fetching the slice). This default suits sources whose slices
     * share one format by construction (computed ones).
     */
    default SliceFormat format(int t) {
        return probe();
    }

    /**
     * Checks every slice's header against {@code first} (slice 0's): a slice of another size or type fails, named.
     * Open does so before it replaces an array, so that a source changed since cannot replace a good array.
     */
    default void checkFormats(SliceFormat first) {
        for (int t = 1; t < size(); t++) ImageDecoder.check(format(t), first, where(t));
    }

    /**
     * Reads slices [t0, t0 + count) into {@code dest} (the primitive array of {@code format}'s type), slice after
     * slice. A slice that is missing, corrupt or not of {@code format} fails with a message naming it.
     */
    void read(int t0, int count, SliceFormat format, Object dest);

    /**
     * Reads rows [row0, row0 + rows) of slice t, whole rows, into {@code dest} at element {@code offset}: for cutting a
     * window out of a slice whose chunk is no longer in memory. This default reads the whole slice; sources that can
     * read a part of it (a plain TIFF's strips) read only those rows.
     */
    default void readRows(int t, int row0, int rows, SliceFormat format, Object dest, int offset) {
        Object slice = format.type().allocate(format.pixels());
        read(t, 1, format, slice);
        System.arraycopy(slice, row0 * format.width(), dest, offset, rows * format.width());
    }

    /**
     * Whether the slices are files on a disk every node reads directly (folders, patterns, multi-page TIFFs): then
     * the files themselves are the on-disk copy of the stack, and chunks evicted from memory are read from them
     * again rather than spilled to a second copy. Remote and computed sources are not.
     */
    default boolean isLocalFiles() {
        return false;
    }

    /** What slice 0's header says one step along each axis measures; {@link Calibration#NONE} when it says nothing. */
    default Calibration calibration() {
        return Calibration.NONE;
    }

    /** One line: "folder /data/em (10000 files)". */
    String describe();
}
