package org.gridstack.array;

import java.io.Serializable;
import java.util.Arrays;

/**
 * Geometry only: how an array of shape (T, H, W) is cut into chunks of shape (ct, ch, cw).
 * Axis order everywhere in the backend is (t, row, col); edge chunks are smaller.
 * Chunks are numbered t-major: index = (it * rowChunks + ir) * colChunks + ic.
 * Inside every chunk, whatever its shape, elements are row-major over its own extent (ct, ch, cw): element
 * (t, r, c) of the chunk is at (t * ch + r) * cw + c. Two shapes are common: frame chunks (ct, H, W), as stacks
 * are opened, and time-series blocks (T, b, b), as rechunk and FFT power make them, where pixel (r, c)'s whole
 * series is the run at r * cw + c with stride ch * cw (readers that need it contiguous transpose per block).
 */
public final class ChunkGrid implements Serializable {
    private static final long serialVersionUID = 1L;

    private final long[] shape;
    private final int[] chunkShape;

    public ChunkGrid(long[] shape, int[] chunkShape) {
        if (shape.length != 3 || chunkShape.length != 3) throw new IllegalArgumentException("shape must be (T, H, W)");
        for (int d = 0; d < 3; d++) {
            if (shape[d] < 1) throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " has an empty axis");
            if (chunkShape[d] < 1) throw new IllegalArgumentException("chunk shape " + Arrays.toString(chunkShape) + " has an axis < 1");
        }
        this.shape = shape.clone();
        this.chunkShape = new int[3];
        for (int d = 0; d < 3; d++) this.chunkShape[d] = (int) Math.min(chunkShape[d], shape[d]);
        if ((long) this.chunkShape[1] * this.chunkShape[2] * this.chunkShape[0] > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("chunk shape " + Arrays.toString(this.chunkShape) + " exceeds 2^31 elements");
        }
    }

    public long[] shape() {
        return shape.clone();
    }

    public int[] chunkShape() {
        return chunkShape.clone();
    }

    public long frames() {
        return shape[0];
    }

    public int height() {
        return (int) shape[1];
    }

    public int width() {
        return (int) shape[2];
    }

    public long elements() {
        return shape[0] * shape[1] * shape[2];
    }

    public long chunksAlong(int axis) {
        return (shape[axis] + chunkShape[axis] - 1) / chunkShape[axis];
    }

    public long chunkCount() {
        return chunksAlong(0) * chunksAlong(1) * chunksAlong(2);
    }

    /** Chunk grid position (it, ir, ic) of a chunk index. */
    public long[] position(long index) {
        long cols = chunksAlong(2), rows = chunksAlong(1);
        return new long[] {index / (rows * cols), (index / cols) % rows, index % cols};
    }

    public long index(long it, long ir, long ic) {
        return (it * chunksAlong(1) + ir) * chunksAlong(2) + ic;
    }

    /** First element (t, row, col) covered by a chunk. */
    public long[] origin(long index) {
        long[] p = position(index);
        return new long[] {p[0] * chunkShape[0], p[1] * chunkShape[1], p[2] * chunkShape[2]};
    }

    /** Actual extent (ct, ch, cw) of a chunk, smaller at the far edges. */
    public int[] extent(long index) {
        long[] o = origin(index);
        int[] e = new int[3];
        for (int d = 0; d < 3; d++) e[d] = (int) Math.min(chunkShape[d], shape[d] - o[d]);
        return e;
    }

    public int chunkElements(long index) {
        int[] e = extent(index);
        return e[0] * e[1] * e[2];
    }

    /** One chunk's part of a box: see {@link #forEachOverlap}. */
    public interface Overlap {
        /**
         * Chunk {@code index} holds the part of the box of {@code size} that starts at {@code inChunk} in the chunk
         * and at {@code inBox} in the box (all (t, row, col); fresh arrays the callee may keep).
         */
        void visit(long index, int[] inChunk, int[] inBox, int[] size);
    }

    /** Visits every chunk that overlaps the box of {@code size} at global {@code origin}, in index order. */
    public void forEachOverlap(long[] origin, int[] size, Overlap overlap) {
        long[] first = new long[3], last = new long[3];
        for (int d = 0; d < 3; d++) {
            first[d] = origin[d] / chunkShape[d];
            last[d] = (origin[d] + size[d] - 1) / chunkShape[d];
        }
        for (long it = first[0]; it <= last[0]; it++) {
            for (long ir = first[1]; ir <= last[1]; ir++) {
                for (long ic = first[2]; ic <= last[2]; ic++) {
                    long index = index(it, ir, ic);
                    long[] co = origin(index);
                    int[] ce = extent(index);
                    int[] inChunk = new int[3], inBox = new int[3], part = new int[3];
                    for (int d = 0; d < 3; d++) {
                        long lo = Math.max(origin[d], co[d]);
                        long hi = Math.min(origin[d] + size[d], co[d] + ce[d]);
                        inChunk[d] = (int) (lo - co[d]);
                        inBox[d] = (int) (lo - origin[d]);
                        part[d] = (int) (hi - lo);
                    }
                    overlap.visit(index, inChunk, inBox, part);
                }
            }
        }
    }

    /** Chunk depth (frames per chunk) so that a whole-frame chunk holds about targetBytes. */
    public static int framesPerChunk(long frames, long frameBytes, long targetBytes) {
        long depth = Math.max(1, targetBytes / Math.max(1, frameBytes));
        return (int) Math.min(depth, Math.min(frames, Integer.MAX_VALUE / Math.max(1, frameBytes)));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChunkGrid && Arrays.equals(shape, ((ChunkGrid) o).shape)
                && Arrays.equals(chunkShape, ((ChunkGrid) o).chunkShape);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(shape) + Arrays.hashCode(chunkShape);
    }

    @Override
    public String toString() {
        return "shape " + Arrays.toString(shape) + " in chunks of " + Arrays.toString(chunkShape);
    }
}
