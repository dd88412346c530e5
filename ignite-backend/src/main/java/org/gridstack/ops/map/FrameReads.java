package org.gridstack.ops.map;

import org.gridstack.array.ArrayMeta;
import org.gridstack.array.ChunkGather;
import org.gridstack.array.ChunkGrid;
import org.gridstack.array.Recipe;

/** Whole frames of an array, gathered from whichever chunks hold them. */
final class FrameReads {
    private FrameReads() {}

    static Frames read(ArrayMeta array, Recipe.ChunkReader reader, long first, int count) {
        int height = array.grid().height();
        int width = array.grid().width();
        long chunk = wholeChunk(array, first, count);
        if (chunk >= 0) return new Frames(array.type(), first, count, height, width, reader.chunk(array, chunk));
        Object pixels = array.type().allocate(count * height * width);
        int[] size = {count, height, width};
        ChunkGather.box(array, ChunkGather.remembering(reader), new long[] {first, 0, 0}, size, pixels, size, new int[3]);
        return new Frames(array.type(), first, count, height, width, pixels);
    }

    /** The index of the chunk that holds exactly frames [first, first + count), whole, or -1 if none does. */
    private static long wholeChunk(ArrayMeta array, long first, int count) {
        ChunkGrid grid = array.grid();
        if (grid.chunksAlong(1) != 1 || grid.chunksAlong(2) != 1) return -1;
        long index = first / grid.chunkShape()[0];
        return grid.origin(index)[0] == first && grid.extent(index)[0] == count ? index : -1;
    }

    /** {@code frames} cut into the pieces one call of {@code function} sees. */
    static Frames[] calls(Frames frames, FrameFunction function) {
        int per = function.framesPerCall() <= 0 ? frames.count() : function.framesPerCall();
        Frames[] calls = new Frames[(frames.count() + per - 1) / per];
        if (calls.length == 1) return new Frames[] {frames};
        for (int i = 0; i < calls.length; i++) {
            calls[i] = frames.part(i * per, Math.min(per, frames.count() - i * per));
        }
        return calls;
    }
}
