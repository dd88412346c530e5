package org.gridstack.array;

/** Fills a box of a grid array from whichever of its chunks overlap it; for recipes computed from a parent. */
public final class ChunkGather {
    private ChunkGather() {}

    /**
     * Copies the box of {@code size} at global {@code origin} (t, row, col) of {@code parent} into {@code dst}
     * (extent {@code dstExtent}) at position {@code to}.
     */
    public static void box(ArrayMeta parent, Recipe.ChunkReader reader, long[] origin, int[] size,
                           Object dst, int[] dstExtent, int[] to) {
        ChunkGrid grid = parent.grid();
        grid.forEachOverlap(origin, size, (index, inChunk, inBox, part) -> {
            int[] at = {to[0] + inBox[0], to[1] + inBox[1], to[2] + inBox[2]};
            BoxCopy.copy(reader.chunk(parent, index), grid.extent(index), inChunk, dst, dstExtent, at, part);
        });
    }

    /**
     * Reads through {@code reader}, keeping the last chunk read: consecutive frames mostly share a chunk. A
     * {@link Recipe.ChunkReader#stored} answer is kept too, a missing chunk included, and a stored chunk is then
     * not fetched again by {@code chunk}.
     */
    public static Recipe.ChunkReader remembering(Recipe.ChunkReader reader) {
        return new Recipe.ChunkReader() {
            private String lastArray;
            private long lastIndex = -1;
            private Object last;

            @Override
            public Object chunk(ArrayMeta array, long index) {
                if (!isLast(array, index) || last == null) remember(array, index, reader.chunk(array, index));
                return last;
            }

            @Override
            public Object stored(ArrayMeta array, long index) {
                if (!isLast(array, index)) remember(array, index, reader.stored(array, index));
                return last;
            }

            private boolean isLast(ArrayMeta array, long index) {
                return index == lastIndex && array.id().equals(lastArray);
            }

            private void remember(ArrayMeta array, long index, Object chunk) {
                last = chunk;
                lastArray = array.id();
                lastIndex = index;
            }
        };
    }
}
