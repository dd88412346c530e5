package org.gridstack.store;

import org.gridstack.array.ArrayMeta;
import org.gridstack.array.ChunkGrid;
import org.gridstack.base.GridStackException;

/**
 * Reads grid arrays on the caller's side, whatever their chunk layout: single chunks, runs of whole frames, and one
 * pixel's series. Chunks come from the store (made if missing), through the caller's {@link LocalChunkCache} where
 * the same chunk is read again and again (scrolling, ImgLib2 cells).
 */
public final class ArrayReader {
    /** Where {@link #frames} takes chunks from. */
    public enum ChunkSource {
        /** Through the caller's bounded chunk cache: for views that come back to the same chunks. */
        LOCAL_CACHE,
        /** Straight from the store, each chunk read once: for walking an array in batches. */
        STORE,
        /** Only chunks in grid memory now (the rest reads as zeros; nothing is made): for watching an array fill in. */
        IN_MEMORY_ONLY
    }

    private final ChunkStore store;
    private final LocalChunkCache localCache;

    public ArrayReader(ChunkStore store, LocalChunkCache localCache) {
        this.store = store;
        this.localCache = localCache;
    }

    /** One chunk, made if missing, through the caller's cache. */
    public Object chunk(ArrayMeta meta, long index) {
        if (index < 0 || index >= meta.grid().chunkCount()) {
            throw new GridStackException("chunk " + index + " is outside '" + meta.name() + "' (0.." + (meta.grid().chunkCount() - 1) + ")");
        }
        return localCache.get(ChunkStore.key(meta, index), () -> store.get(meta, index));
    }

    /** Frames [t0, t0 + count) as one row-major (count, H, W) primitive array, reading every chunk they touch once. */
    public Object frames(ArrayMeta meta, long t0, int count, ChunkSource source) {
        ChunkGrid grid = meta.grid();
        if (count < 1 || t0 < 0 || t0 + count > grid.frames()) {
            String which = count == 1 ? "frame " + t0 + " is" : "frames " + t0 + ".." + (t0 + count - 1) + " are";
            throw new GridStackException(which + " outside '" + meta.name() + "' (0.." + (grid.frames() - 1) + ")");
        }
        int width = grid.width();
        int plane = grid.height() * width;
        Object out = meta.type().allocate(count * plane);
        int depth = grid.chunkShape()[0];
        for (long it = t0 / depth; it <= (t0 + count - 1) / depth; it++) {
            for (long ir = 0; ir < grid.chunksAlong(1); ir++) {
                for (long ic = 0; ic < grid.chunksAlong(2); ic++) {
                    long index = grid.index(it, ir, ic);
                    long first = grid.origin(index)[0];
                    int from = (int) (Math.max(t0, first) - first);
                    int n = (int) (Math.min(t0 + count, first + grid.extent(index)[0]) - first) - from;
                    Object frames = read(meta, index, from, n, source);
                    if (frames != null) copyFrames(grid, index, frames, first + from - t0, n, out, width, plane);
                }
            }
        }
        return out;
    }

    /** Frames [from, from + n) of chunk {@code index}, or null when only stored chunks are wanted and it is not. */
    private Object read(ArrayMeta meta, long index, int from, int n, ChunkSource source) {
        switch (source) {
            case LOCAL_CACHE: return slice(meta, index, chunk(meta, index), from, n);
            case STORE: return store.frames(meta, index, from, n);
            default: {
                Object chunk = store.peek(meta, index);
                return chunk == null ? null : slice(meta, index, chunk, from, n);
            }
        }
    }

    private static Object slice(ArrayMeta meta, long index, Object chunk, int from, int n) {
        int[] extent = meta.grid().extent(index);
        if (from == 0 && n == extent[0]) return chunk;
        int plane = extent[1] * extent[2];
        Object frames = meta.type().allocate(n * plane);
        System.arraycopy(chunk, from * plane, frames, 0, n * plane);
        return frames;
    }

    /** Copies {@code n} frames of a chunk's (n, ch, cw) part into the (count, H, W) array, starting at its frame {@code at}. */
    private static void copyFrames(ChunkGrid grid, long index, Object frames, long at, int n, Object out, int width, int plane) {
        long[] origin = grid.origin(index);
        int[] extent = grid.extent(index);
        for (int t = 0; t < n; t++) {
            for (int r = 0; r < extent[1]; r++) {
                System.arraycopy(frames, (t * extent[1] + r) * extent[2],
                        out, (int) ((at + t) * plane + (origin[1] + r) * width + origin[2]), extent[2]);
            }
        }
    }

    /** The time series of pixel (row, col) as doubles, from the chunks that hold it. */
    public double[] series(ArrayMeta meta, int row, int col) {
        ChunkGrid grid = meta.grid();
        if (row < 0 || row >= grid.height() || col < 0 || col >= grid.width()) {
            throw new GridStackException("pixel (row " + row + ", col " + col + ") is outside '" + meta.name() + "' ("
                    + grid.height() + " rows x " + grid.width() + " cols)");
        }
        double[] series = new double[(int) grid.frames()];
        int[] shape = grid.chunkShape();
        for (long it = 0; it < grid.chunksAlong(0); it++) {
            long index = grid.index(it, row / shape[1], col / shape[2]);
            long[] origin = grid.origin(index);
            int[] extent = grid.extent(index);
            Object chunk = chunk(meta, index);
            int r = (int) (row - origin[1]), c = (int) (col - origin[2]);
            for (int t = 0; t < extent[0]; t++) {
                series[(int) origin[0] + t] = meta.type().get(chunk, (t * extent[1] + r) * extent[2] + c);
            }
        }
        return series;
    }
}
