package org.gridstack.shuffle;

import java.util.concurrent.atomic.AtomicLong;
import org.gridstack.array.BoxCopy;

/** One output block being filled in memory with pieces from many input chunks, on the node that owns the block. */
final class BlockAssembly {
    final long index;
    final Object buffer;
    final int[] extent;
    private final AtomicLong missing;

    BlockAssembly(long index, Object buffer, int[] extent) {
        this.index = index;
        this.buffer = buffer;
        this.extent = extent;
        this.missing = new AtomicLong((long) extent[0] * extent[1] * extent[2]);
    }

    /** Copies a box of {@code src} into the block; pieces never overlap, so concurrent fills need no lock. */
    void fill(Object src, int[] srcExtent, int[] from, int[] to, int[] size) {
        BoxCopy.copy(src, srcExtent, from, buffer, extent, to, size);
        // the atomic update also publishes the copied values to whoever later sees missing() == 0
        missing.addAndGet(-(long) size[0] * size[1] * size[2]);
    }

    long missing() {
        return missing.get();
    }
}
