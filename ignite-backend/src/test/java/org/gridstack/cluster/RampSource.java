package org.gridstack.cluster;

import org.gridstack.array.DataType;
import org.gridstack.source.SliceFormat;
import org.gridstack.source.SliceSource;

/** A uint8 stack generated on the fly from a cheap formula (no files): for arrays too big to write out in a test. */
final class RampSource implements SliceSource {
    private static final long serialVersionUID = 1L;

    private final int frames;
    private final int height;
    private final int width;

    RampSource(int frames, int height, int width) {
        this.frames = frames;
        this.height = height;
        this.width = width;
    }

    /** A bright square drifting with t over a ramp, so centroids move and spectra have structure. */
    static int value(int t, int r, int c, int height, int width) {
        int sr = (t * 7) % (height - 64), sc = (t * 11) % (width - 64);
        boolean inSquare = r >= sr && r < sr + 64 && c >= sc && c < sc + 64;
        return inSquare ? 200 + ((t + r + c) & 31) : ((r * 3 + c * 5 + t) & 63);
    }

    int value(int t, int r, int c) {
        return value(t, r, c, height, width);
    }

    @Override
    public int size() {
        return frames;
    }

    @Override
    public String where(int t) {
        return "ramp frame " + t;
    }

    @Override
    public SliceFormat probe() {
        return new SliceFormat(width, height, DataType.UINT8);
    }

    @Override
    public void read(int t0, int count, SliceFormat format, Object dest) {
        byte[] out = (byte[]) dest;
        int i = 0;
        for (int t = t0; t < t0 + count; t++) {
            for (int r = 0; r < height; r++) {
                for (int c = 0; c < width; c++) out[i++] = (byte) value(t, r, c);
            }
        }
    }

    @Override
    public String describe() {
        return "ramp " + frames + " x " + height + " x " + width;
    }
}
