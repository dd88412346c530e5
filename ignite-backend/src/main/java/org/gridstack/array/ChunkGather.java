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
        int[] cs = grid.chunkShape();
        long[] first = new long[3], last = new long[3];
        for (int d = 0; d < 3; d++) {
            first[d] = origin[d] / cs[d];
            last[d] = (origin[d] + size[d] - 1) / cs[d];
        }
        int[] from = new int[3], at = new int[3], part = new int[3];
        for (long it = first[0]; it <= last[0]; it++) {
            for (long ir = first[1]; ir <= last[1]; ir++) {
                for (long ic = first[2]; ic <= last[2]; ic++) {
                    long index = grid.index(it, ir, ic);
                    long[] co = grid.origin(index);
                    int[] ce = grid.extent(index);
                    for (int d = 0; d < 3; d++) {
                        long lo = Math.max(origin[d], co[d]);
                        long hi = Math.min(origin[d] + size[d], co[d] + ce[d]);
                        from[d] = (int) (lo - co[d]);
                        at[d] = to[d] + (int) (lo - origin[d]);
                        part[d] = (int) (hi - lo);
                    }
                    BoxCopy.copy(reader.chunk(parent.name(), index), ce, from, dst, dstExtent, at, part);
                }
            }
        }
    }

    /** Reads through {@code reader}, keeping the last chunk read: consecutive frames mostly share a chunk. */
    public static Recipe.ChunkReader remembering(Recipe.ChunkReader reader) {
        return new Recipe.ChunkReader() {
            private String lastArray;
            private long lastIndex = -1;
            private Object last;

            @Override
            public Object chunk(String arrayName, long index) {
                if (index != lastIndex || !arrayName.equals(lastArray)) {
                    last = reader.chunk(arrayName, index);
                    lastArray = arrayName;
                    lastIndex = index;
                }
                return last;
            }
        };
    }
}
