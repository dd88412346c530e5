package org.gridstack;

import org.gridstack.array.DataType;

/**
 * An in-memory test stack of any type whose pixel (t, r, c) is {@link #value}: hashed values over the type's whole
 * range (signed types: negatives as often as not; FLOAT32: multiples of 1/8 under 2^20, so that every sum a test makes
 * is exact in double), plus a frame that is all zero, and frames whose values are all zero or negative. Same arguments, same
 * pixels, on any node.
 */
final class ValueSource extends ComputedSource {
    private static final long serialVersionUID = 1L;

    private final int zeroFrame;
    private final int negativeFrom;
    private final boolean extremes;

    /**
     * {@code zeroFrame}: a frame all zero (-1 for none); {@code negativeFrom}: the frames from this one on have only
     * zero or negative values (-1 for none); {@code extremes}: integer values only from the two ends of the type's range.
     */
    ValueSource(int frames, int height, int width, DataType type, long seed, int zeroFrame, int negativeFrom, boolean extremes) {
        super(frames, height, width, type, seed);
        this.zeroFrame = zeroFrame;
        this.negativeFrom = negativeFrom;
        this.extremes = extremes;
    }

    double value(int t, int r, int c) {
        if (t == zeroFrame) return 0;
        long h = hash(t, r, c);
        double v;
        switch (type) {
            case UINT8: v = extremes ? (h % 2 == 0 ? 0 : 255) : h % 256; break;
            case UINT16: v = extremes ? (h % 2 == 0 ? 0 : 65535) : h % 65536; break;
            case INT16: v = extremes ? (h % 2 == 0 ? -32768 : 32767) : (h % 65536) - 32768; break;
            case INT32: v = extremes ? (h % 7 == 0 ? Integer.MIN_VALUE : Integer.MAX_VALUE) : (int) h; break;
            default: v = ((h % (1 << 24)) - (1 << 23)) / 8.0; break;
        }
        if (negativeFrom >= 0 && t >= negativeFrom) return v > 0 ? (type.isSigned() ? -v : 0) : v;
        return v;
    }

    @Override
    Object frame(int t) {
        Object f = type.allocate(height * width);
        for (int r = 0; r < height; r++) {
            for (int c = 0; c < width; c++) {
                double v = value(t, r, c);
                int i = r * width + c;
                if (f instanceof byte[]) ((byte[]) f)[i] = (byte) (long) v;
                else if (f instanceof short[]) ((short[]) f)[i] = (short) (long) v;
                else if (f instanceof int[]) ((int[]) f)[i] = (int) (long) v;
                else ((float[]) f)[i] = (float) v;
            }
        }
        return f;
    }

    @Override
    public String where(int t) {
        return "value frame " + t;
    }

    @Override
    public String describe() {
        return "test values " + type + " " + frames + " x " + height + " x " + width;
    }
}
