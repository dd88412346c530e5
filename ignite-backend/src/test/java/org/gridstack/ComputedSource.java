package org.gridstack;

import org.gridstack.array.DataType;
import org.gridstack.source.SliceFormat;
import org.gridstack.source.SliceSource;

/**
 * A test stack computed from its arguments rather than read from files: same arguments, same pixels, on any node.
 * Subclasses say what frame t is; pixels are mixed from (seed, t, r, c) with {@link #hash}.
 */
abstract class ComputedSource implements SliceSource {
    private static final long serialVersionUID = 1L;

    final int frames;
    final int height;
    final int width;
    final DataType type;
    final long seed;

    ComputedSource(int frames, int height, int width, DataType type, long seed) {
        this.frames = frames;
        this.height = height;
        this.width = width;
        this.type = type;
        this.seed = seed;
    }

    /** Frame t as the row-major primitive array of the type. */
    abstract Object frame(int t);

    /** A well-mixed non-negative number from the seed and the pixel's coordinates. */
    final long hash(int t, int r, int c) {
        long h = seed * 0x9E3779B97F4A7C15L + t * 0xC2B2AE3D27D4EB4FL + r * 0x165667B19E3779F9L + c * 0x27D4EB2F165667C5L;
        h ^= h >>> 29;
        h *= 0xBF58476D1CE4E5B9L;
        h ^= h >>> 32;
        return h & Long.MAX_VALUE;
    }

    @Override
    public int size() {
        return frames;
    }

    @Override
    public SliceFormat probe() {
        return new SliceFormat(width, height, type);
    }

    @Override
    public void read(int t0, int count, SliceFormat format, Object dest) {
        int pixels = height * width;
        for (int i = 0; i < count; i++) System.arraycopy(frame(t0 + i), 0, dest, i * pixels, pixels);
    }
}
