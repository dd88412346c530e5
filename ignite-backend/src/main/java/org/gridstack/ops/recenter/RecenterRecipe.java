package org.gridstack.ops.recenter;

import org.gridstack.array.ArrayMeta;
import org.gridstack.array.ChunkGather;
import org.gridstack.array.ChunkGrid;
import org.gridstack.array.Recipe;
import org.gridstack.ops.ArrayNames;

/** Cuts each frame's crop window out of the parent array: output chunk (n, crop, crop) from frames t0..t0+n. */
public final class RecenterRecipe implements Recipe {
    private static final long serialVersionUID = 1L;

    private final ArrayMeta parent;
    private final CropWindows windows;

    public RecenterRecipe(ArrayMeta parent, CropWindows windows) {
        this.parent = parent;
        this.windows = windows;
    }

    public CropWindows windows() {
        return windows;
    }

    /**
     * Each frame's window from the parent's chunk; or, for a parent of local image files whose chunk is not in the grid
     * (a stack larger than memory), from just the window's rows of the frame's file: half a 2000-row slice for a crop
     * of 1000, where making the chunk would read all of its slices and store them in the grid again.
     */
    @Override
    public Object makeChunk(ArrayMeta array, long index, ChunkReader parents) {
        long t0 = array.grid().origin(index)[0];
        int[] extent = array.grid().extent(index);
        int crop = windows.crop();
        Object chunk = array.type().allocate(extent[0] * crop * crop);
        ChunkGrid frames = parent.grid();
        boolean byRows = parent.recipe().readsRows() && frames.chunksAlong(1) == 1 && frames.chunksAlong(2) == 1;
        ChunkReader reader = ChunkGather.remembering(parents);
        int[] size = {1, crop, crop};
        Object rows = null;
        for (int dt = 0; dt < extent[0]; dt++) {
            int t = (int) (t0 + dt);
            if (byRows && reader.stored(parent, t / frames.chunkShape()[0]) == null) {
                if (rows == null) rows = array.type().allocate(crop * frames.width());
                parent.recipe().readRows(parent, t, windows.row0(t), crop, rows, 0);
                for (int r = 0; r < crop; r++) System.arraycopy(rows, r * frames.width() + windows.col0(t), chunk, (dt * crop + r) * crop, crop);
                continue;
            }
            ChunkGather.box(parent, reader, new long[] {t, windows.row0(t), windows.col0(t)}, size,
                    chunk, extent, new int[] {dt, 0, 0});
        }
        return chunk;
    }

    /** The origin of a recenter of {@code parent}. */
    static String origin(ArrayMeta parent) {
        return ArrayNames.derivedOrigin("recenter", parent.name());
    }

    /** The lineage of a recenter of {@code parent} with windows of {@code crop}. */
    static String lineage(ArrayMeta parent, int crop) {
        return "recenter of " + parent.id() + " crop " + crop;
    }

    @Override
    public String origin() {
        return origin(parent);
    }

    @Override
    public String lineage() {
        return lineage(parent, windows.crop());
    }

    @Override
    public ArrayMeta parent() {
        return parent;
    }

    @Override
    public String describe() {
        return "recentered from '" + parent.name() + "' (crop " + windows.crop() + ")";
    }
}
