package org.gridstack.ops.project;

import org.gridstack.exec.ChunkReducer;
import org.gridstack.array.ArrayMeta;
import org.gridstack.array.DataType;

/** Exact sum of every frame (slice), accumulated in double; any chunk shape. */
public final class SliceSumReducer implements ChunkReducer<double[]> {
    private static final long serialVersionUID = 1L;

    @Override
    public double[] identity(ArrayMeta array) {
        return new double[(int) array.grid().frames()];
    }

    @Override
    public double[] accumulate(double[] sums, ArrayMeta array, long index, Object chunk) {
        long t0 = array.grid().origin(index)[0];
        int[] extent = array.grid().extent(index);
        int framePixels = extent[1] * extent[2];
        DataType type = array.type();
        if (type.isInteger()) {
            for (int t = 0; t < extent[0]; t++) sums[(int) (t0 + t)] += type.sum(chunk, t * framePixels, framePixels);
            return sums;
        }
        double[] values = new double[framePixels];
        for (int t = 0; t < extent[0]; t++) {
            type.toDouble(chunk, t * framePixels, values, 0, framePixels);
            double s = 0;
            for (double v : values) s += v;
            sums[(int) (t0 + t)] += s;
        }
        return sums;
    }

    @Override
    public double[] combine(double[] a, double[] b) {
        for (int i = 0; i < a.length; i++) a[i] += b[i];
        return a;
    }
}
