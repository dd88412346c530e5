package org.gridstack.ops.project;

import java.io.Serializable;
import java.util.Arrays;
import org.gridstack.array.ByteLanes;
import org.gridstack.array.DataType;

/**
 * Per-pixel statistics over time of an (H, W) frame: exact sums in double (integer pixel values sum exactly while
 * below 2^53), sums of squares, max and min. Only the statistics a projection needs are allocated. Integer frames
 * may first be summed in {@link #pending} int sums, added to the doubles only when an int could overflow or the
 * statistics are combined, finished or leave their job: one int add per pixel and frame instead of a double fold per chunk.
 */
public final class PixelStats implements Serializable {
    private static final long serialVersionUID = 1L;

    final double[] sum;
    final double[] sumSquares;
    final double[] max;
    final double[] min;
    /** Whole-frame int sums not yet in {@link #sum}, over {@link #pendingFrames} frames; null when there are none. */
    int[] pending;
    int pendingFrames;
    /**
     * 8-bit frames counted in {@link #pending} but still in {@link ByteLanes} (their int add is the loop JDK 17 does
     * not vectorise), moved to it every {@link ByteLanes#ADDS_PER_FLUSH} frames; null when there are none.
     */
    private long[] byteLanes;

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

    /** Adds a whole integer frame (plane pixels at {@code from}) to the pending int sums, 8-bit frames through lanes. */
    void addPending(DataType type, Object chunk, int from, int plane) {
        if (pendingFrames == type.framesPerIntSum()) flushPending();
        if (pending == null) pending = new int[plane];
        if (type == DataType.UINT8) {
            if (pendingFrames % ByteLanes.ADDS_PER_FLUSH == 0) flushLanes();
            if (byteLanes == null) byteLanes = ByteLanes.lanes(plane);
            ByteLanes.add((byte[]) chunk, from, byteLanes, plane);
        } else {
            type.add(chunk, from, pending, plane);
        }
        pendingFrames++;
    }

    private void flushLanes() {
        if (byteLanes != null) ByteLanes.flush(byteLanes, pending, pending.length);
    }

    /** Adds the pending int sums to the double sums. */
    void flushPending() {
        if (pending == null) return;
        flushLanes();
        byteLanes = null;
        for (int i = 0; i < pending.length; i++) sum[i] += pending[i];
        pending = null;
        pendingFrames = 0;
    }

    PixelStats plus(PixelStats o) {
        flushPending();
        o.flushPending();
        for (int i = 0; sum != null && i < sum.length; i++) sum[i] += o.sum[i];
        for (int i = 0; sumSquares != null && i < sumSquares.length; i++) sumSquares[i] += o.sumSquares[i];
        for (int i = 0; max != null && i < max.length; i++) max[i] = Math.max(max[i], o.max[i]);
        for (int i = 0; min != null && i < min.length; i++) min[i] = Math.min(min[i], o.min[i]);
        return this;
    }
}
