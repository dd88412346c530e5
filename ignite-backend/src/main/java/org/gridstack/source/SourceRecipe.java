package org.gridstack.source;

import org.gridstack.array.ArrayMeta;
import org.gridstack.array.Recipe;

/** Makes a whole-frame chunk by reading its slices from the source, on the node that owns the chunk. */
public final class SourceRecipe implements Recipe {
    private static final long serialVersionUID = 1L;

    private final SliceSource source;
    private final SliceFormat format;

    public SourceRecipe(SliceSource source, SliceFormat format) {
        this.source = source;
        this.format = format;
    }

    public SliceSource source() {
        return source;
    }

    @Override
    public Object makeChunk(ArrayMeta array, long index, ChunkReader parents) {
        long t0 = array.grid().origin(index)[0];
        int frames = array.grid().extent(index)[0];
        Object chunk = format.type().allocate(frames * format.pixels());
        source.read((int) t0, frames, format, chunk);
        return chunk;
    }

    @Override
    public boolean readsRows() {
        return source.isLocalFiles();
    }

    @Override
    public void readRows(ArrayMeta array, int t, int row0, int rows, Object dest, int offset) {
        source.readRows(t, row0, rows, format, dest, offset);
    }

    @Override
    public boolean worthSpilling() {
        return !source.isLocalFiles();
    }

    @Override
    public String describe() {
        return "read from " + source.describe();
    }
}
