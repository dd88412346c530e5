package org.gridstack.ops.project;

import java.io.Serializable;
import java.util.Arrays;

/**
 * Per-pixel statistics over time of an (H, W) frame: exact sums in double (integer pixel values sum exactly while
 * below 2^53), sums of squares, max and min. Only the statistics a projection needs are allocated.
 */
public final class PixelStats implements Serializable {
    private static final long serialVersionUID = 1L;

    final double[] sum;
    final double[] sumSquares;
    final double[] max;
    final double[] min;

    PixelStats(double[] sum, double[] sumSquares, double[] max, double[] min) {
        this.sum = sum;
        this.sumSquares = sumSquares;
        this.max = max;
        this.min = min;
    }

    static PixelStats empty(Projection p, int pixels) {
        boolean sums = p == Projection.AVERAGE || p == Projection.SUM || p == Projection.SD;
        return new PixelStats(
                sums ? new double[pixels] : null,
                p == Projection.SD ? new double[pixels] : null,
                p == Projection.MAX ? filled(pixels, Double.NEGATIVE_INFINITY) : null,
                p == Projection.MIN ? filled(pixels, Double.POSITIVE_INFINITY) : null);
    }

    private static double[] filled(int n, double v) {
        double[] a = new double[n];
        Arrays.fill(a, v);
        return a;
    }

    PixelStats plus(PixelStats o) {
        for (int i = 0; sum != null && i < sum.length; i++) sum[i] += o.sum[i];
        for (int i = 0; sumSquares != null && i < sumSquares.length; i++) sumSquares[i] += o.sumSquares[i];
        for (int i = 0; max != null && i < max.length; i++) max[i] = Math.max(max[i], o.max[i]);
        for (int i = 0; min != null && i < min.length; i++) min[i] = Math.min(min[i], o.min[i]);
        return this;
    }
}
