package org.gridstack;

import java.util.Set;
import org.gridstack.array.DataType;

/**
 * An in-memory test stack: sparse faint noise plus a bright blob wandering over the whole frame (so windows get
 * clamped at every edge), some frames all zero. Same arguments, same pixels, on any node.
 */
final class PatternSource extends ComputedSource {
    private static final long serialVersionUID = 1L;

    private final Set<Integer> zeroFrames;

    PatternSource(int frames, int height, int width, DataType type, long seed, Set<Integer> zeroFrames) {
        super(frames, height, width, type, seed);
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

    @Override
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
    public String where(int t) {
        return "pattern frame " + t;
    }

    @Override
    public String describe() {
        return "test pattern " + frames + " x " + height + " x " + width;
    }
}
