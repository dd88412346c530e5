package org.gridstack.plugin.macro;

import org.gridstack.array.DataType;
import org.gridstack.sample.SyntheticStack;
import org.gridstack.source.SliceFormat;
import org.gridstack.source.SliceSource;

/** The project's synthetic EM-like stack as an in-memory source: same arguments, same bytes, on any node. */
final class SyntheticSource implements SliceSource {
    private static final long serialVersionUID = 1L;

    private final int frames, height, width;
    private final long seed;

    SyntheticSource(int frames, int height, int width, long seed) {
        this.frames = frames;
        this.height = height;
        this.width = width;
        this.seed = seed;
    }

    byte[] frame(int t) {
        return new SyntheticStack(frames, height, width, seed).frame(t);
    }

    @Override
    public int size() {
        return frames;
    }

    @Override
    public String where(int t) {
        return "synthetic frame " + t;
    }

    @Override
    public SliceFormat probe() {
        return new SliceFormat(width, height, DataType.UINT8);
    }

    @Override
    public void read(int t0, int count, SliceFormat format, Object dest) {
        for (int i = 0; i < count; i++) System.arraycopy(frame(t0 + i), 0, dest, i * height * width, height * width);
    }

    @Override
    public String describe() {
        return "synthetic " + frames + " x " + height + " x " + width;
    }
}
