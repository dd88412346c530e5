package org.gridstack.ops.rechunk;

import org.gridstack.array.ArrayMeta;
import org.gridstack.array.ChunkGrid;
import org.gridstack.base.GridStackException;

/**
 * The chunk geometry rechunk and FFT power make: time-series blocks (T, b, b), each pixel's whole series in one
 * chunk (smaller blocks at the right and bottom edges).
 */
public final class TimeSeriesBlocks {
    private TimeSeriesBlocks() {}

    /** {@code parent}'s shape in blocks of side {@code block}. */
    public static ChunkGrid of(ArrayMeta parent, int block) {
        BlockSize.check(block);
        ChunkGrid grid = parent.grid();
        if (grid.frames() * Math.min(block, grid.height()) * Math.min(block, grid.width()) > Integer.MAX_VALUE) {
            throw new GridStackException("block (" + block + ") is too large for " + grid.frames() + " frames: a block must hold under 2^31 values");
        }
        return new ChunkGrid(grid.shape(), new int[] {(int) grid.frames(), block, block});
    }

    /** Whether an array is already in time-series blocks (then its block side is the default). */
    static boolean isTimeSeriesBlocks(ChunkGrid grid) {
        int[] cs = grid.chunkShape();
        return cs[0] == grid.frames() && (grid.chunksAlong(1) > 1 || grid.chunksAlong(2) > 1);
    }

    /** The block side for {@code source} on a grid of {@code cores} CPUs: see {@link BlockSize#choose}. */
    public static int defaultBlock(ArrayMeta source, int cores) {
        ChunkGrid grid = source.grid();
        if (isTimeSeriesBlocks(grid)) return Math.max(grid.chunkShape()[1], grid.chunkShape()[2]);
        return BlockSize.choose(grid.frames(), grid.height(), grid.width(), source.type().bytes(), Math.max(1, cores));
    }
}
