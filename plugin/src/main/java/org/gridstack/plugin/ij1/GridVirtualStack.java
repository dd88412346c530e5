package org.gridstack.plugin.ij1;

import ij.VirtualStack;
import ij.process.ByteProcessor;
import ij.process.FloatProcessor;
import ij.process.ImageProcessor;
import ij.process.ShortProcessor;
import org.gridstack.GridStack;
import org.gridstack.array.ArrayMeta;

/** An ImageJ stack whose slices are fetched from the grid as the user scrolls (chunks cached with a bound). */
public final class GridVirtualStack extends VirtualStack {
    private final GridStack grid;
    private final ArrayMeta meta;

    public GridVirtualStack(GridStack grid, ArrayMeta meta) {
        super(meta.grid().width(), meta.grid().height(), null, null);
        this.grid = grid;
        this.meta = meta;
    }

    public String arrayName() {
        return meta.name();
    }

    @Override
    public ImageProcessor getProcessor(int n) {
        return processor(grid.frame(meta.name(), n - 1), meta.grid().width(), meta.grid().height());
    }

    static ImageProcessor processor(Object pixels, int width, int height) {
        if (pixels instanceof byte[]) return new ByteProcessor(width, height, (byte[]) pixels);
        if (pixels instanceof short[]) return new ShortProcessor(width, height, (short[]) pixels, null);
        if (pixels instanceof float[]) return new FloatProcessor(width, height, (float[]) pixels);
        double[] d = (double[]) pixels;
        float[] f = new float[d.length];
        for (int i = 0; i < d.length; i++) f[i] = (float) d[i];
        return new FloatProcessor(width, height, f);
    }

    @Override
    public int getSize() {
        return (int) meta.grid().frames();
    }

    @Override
    public String getSliceLabel(int n) {
        return meta.name() + " t=" + (n - 1);
    }

    @Override
    public int getBitDepth() {
        return meta.type().bytes() * 8 == 64 ? 32 : meta.type().bytes() * 8;
    }

    @Override
    public void deleteSlice(int n) {
        throw new UnsupportedOperationException("a grid stack is read-only in ImageJ");
    }
}
