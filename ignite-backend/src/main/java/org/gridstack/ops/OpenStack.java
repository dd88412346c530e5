package org.gridstack.ops;

import org.gridstack.array.ArrayMeta;
import org.gridstack.array.ChunkGrid;
import org.gridstack.base.GridStackException;
import org.gridstack.source.SliceFormat;
import org.gridstack.source.SliceSource;
import org.gridstack.source.SourceRecipe;

/**
 * Open: a stack of 2-D slices as a lazy grid array of whole-frame chunks. Reads slice 0's header only, unless it
 * replaces an array: then every slice's header, so that a slice changed in size or type is refused before the
 * array (perhaps persisted, perhaps from files that were good when it was opened) is dropped.
 */
public final class OpenStack {
    /** Chunks of about this size: big enough to amortise per-chunk costs, small enough to spread and stream. */
    public static final long DEFAULT_CHUNK_BYTES = 16L << 20;

    private OpenStack() {}

    /**
     * {@code framesPerChunk} 0 picks about {@link #DEFAULT_CHUNK_BYTES} per chunk. An array of the same name is
     * replaced only once the new source has been checked (every slice's header), and only if it was opened from the
     * same source (or the context overwrites; see {@link OperationContext#place}).
     */
    public static ArrayMeta open(OperationContext context, String name, SliceSource source, int framesPerChunk) {
        String arrayName = ArrayNames.check(name);
        if (framesPerChunk < 0) throw new GridStackException("frames per chunk (" + framesPerChunk + ") must be 0 (automatic) or more");
        SliceFormat format = source.probe();
        if (framesPerChunk > 0) format.checkFramesPerChunk(framesPerChunk, source.size());
        int depth = framesPerChunk > 0 ? Math.min(framesPerChunk, source.size())
                : ChunkGrid.framesPerChunk(source.size(), format.bytes(), DEFAULT_CHUNK_BYTES);
        ChunkGrid grid = new ChunkGrid(new long[] {source.size(), format.height(), format.width()},
                new int[] {depth, format.height(), format.width()});
        ArrayMeta meta = SpillPolicy.decide(context, new ArrayMeta(arrayName, format.type(), grid, new SourceRecipe(source, format)));
        meta = meta.calibrated(source.calibration());
        if (context.replaces(meta)) source.checkFormats(format);
        context.place(meta);
        return meta;
    }
}
