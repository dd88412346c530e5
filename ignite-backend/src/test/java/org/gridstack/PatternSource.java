package org.gridstack;

import java.util.Set;
import org.gridstack.array.DataType;
import org.gridstack.source.SliceFormat;
import org.gridstack.source.SliceSource;

/**
 * An in-memory test stack: sparse faint noise plus a bright blob wandering over the whole frame (so windows get
 * clamped at every edge), some frames all zero. Same arguments, same pixels, on any node.
 */
final class PatternSource implements SliceSource {
    private static final long serialVersionUID = 1L;

    private final int frames;
    private final int height;
    private final int width;
    private final DataType type;
    private final long seed;
    private final Set<Integer> zeroFrames;

    PatternSource(int frames, int height, int width, DataType type, long seed, Set<Integer> zeroFrames) {
        this.frames = frames;
        this.height = height;
        this.width = width;
        this.type = type;
        this.seed = seed;
        this.zeroFrames = zeroFrames;
    }

    /** Pixel (t, r, c) as an unsigned value. */
    int value(int t, int r, int c) {
        if (zeroFrames.contains(t)) return 0;
        int max = type == DataType.UINT8 ? 255 : 65535;
        int br = (int) ((t * 7L + seed) % height), bc = (int) ((t * 13L + 3 * seed) % width);
        int dr = r - br, dc = c - bc;
        if (dr * dr + dc * dc <= 9) return max - (int) (hash(t, r, c) % 50);
        long h = hash(t, r, c);
        return h % 5 == 0 ? (int) ((h >>> 8) % Math.min(max, 4000)) : 0;
    }

    private long hash(int t, int r, int c) {
        long h = seed * 0x9E3779B97F4A7C15L + t * 0xC2B2AE3D27D4EB4FL + r * 0x165667B19E3779F9L + c * 0x27D4EB2F165667C5L;
        h ^= h >>> 29;
        h *= 0xBF58476D1CE4E5B9L;
        h ^= h >>> 32;
        return h & Long.MAX_VALUE;
    }

    /** Frame t as the row-major primitive array of the type. */
    Object frame(int t) {
        Object f = type.allocate(height * width);
        for (int r = 0; r < height; r++) {
            for (int c = 0; c < width; c++) {
                int v = value(t, r, c);
                if (f instanceof byte[]) ((byte[]) f)[r * width + c] = (byte) v;
                else ((short[]) f)[r * width + c] = (short) v;
            }
        }
        return f;
    }

    @Override
    public int size() {
        return frames;
    }

    @Override
    public String where(int t) {
        return "pattern frame " + t;
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

    @Override
    public String describe() {
        return "test pattern " + frames + " x " + height + " x " + width;
    }
}
