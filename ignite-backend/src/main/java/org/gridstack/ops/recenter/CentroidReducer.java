package org.gridstack.ops.recenter;

import org.gridstack.exec.ChunkReducer;
import org.gridstack.base.GridStackException;
import org.gridstack.array.ArrayMeta;
import org.gridstack.array.DataType;

/**
 * Intensity-weighted centroid sums of every frame, exact in long (README, "Numerical contract"): the partial holds, per frame t,
 * {@code total = Σ v}, {@code sx = Σ row·v}, {@code sy = Σ col·v} at [3t], [3t+1], [3t+2]. Any chunk shape.
 */
public final class CentroidReducer implements ChunkReducer<long[]> {
    private static final long serialVersionUID = 1L;

    @Override
    public long[] identity(ArrayMeta array) {
        if (!array.type().isInteger()) {
            throw new GridStackException("centroids need an 8-bit or 16-bit array; '" + array.name() + "' is " + array.type().label());
        }
        return new long[3 * (int) array.grid().frames()];
    }

    @Override
    public long[] accumulate(long[] sums, ArrayMeta array, long index, Object chunk) {
        long[] origin = array.grid().origin(index);
        int[] extent = array.grid().extent(index);
        int rows = extent[1], cols = extent[2];
        long[] row = new long[2];
        for (int t = 0; t < extent[0]; t++) {
            int at = 3 * (int) (origin[0] + t);
            for (int r = 0; r < rows; r++) {
                array.type().moments(chunk, (t * rows + r) * cols, cols, row);
                sums[at] += row[0];
                sums[at + 1] += (origin[1] + r) * row[0];
                sums[at + 2] += row[1] + origin[2] * row[0];
            }
        }
        return sums;
    }

    @Override
    public long[] combine(long[] a, long[] b) {
        for (int i = 0; i < a.length; i++) a[i] += b[i];
        return a;
    }

    /** Centroid row of frame t: sx / total, or 0 for an all-zero frame. */
    public static double x(long[] sums, int t) {
        return sums[3 * t] > 0 ? (double) sums[3 * t + 1] / (double) sums[3 * t] : 0.0;
    }

    /** Centroid column of frame t: sy / total, or 0 for an all-zero frame. */
    public static double y(long[] sums, int t) {
        return sums[3 * t] > 0 ? (double) sums[3 * t + 2] / (double) sums[3 * t] : 0.0;
    }

    /** {x (row), y (col)} per frame; (0, 0) for a frame whose total is 0. */
    public static double[][] finish(long[] sums) {
        int frames = sums.length / 3;
        double[][] xy = new double[2][frames];
        for (int t = 0; t < frames; t++) {
            xy[0][t] = x(sums, t);
            xy[1][t] = y(sums, t);
        }
        return xy;
    }
}
