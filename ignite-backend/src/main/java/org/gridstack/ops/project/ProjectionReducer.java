package org.gridstack.ops.project;

import org.gridstack.exec.ChunkReducer;
import java.util.Arrays;
import org.gridstack.array.ArrayMeta;
import org.gridstack.array.DataType;

/**
 * Folds chunks into per-pixel statistics over time; works for any chunk shape. Integer types (UINT8, UINT16, INT16,
 * INT32) sum in int batches folded into doubles, exact while a pixel's sum stays under 2^53 in magnitude: always for
 * 8- and 16-bit stacks, for INT32 as long as T·max|v| < 2^53 (any stack of fewer than 2^22 frames). Float types
 * sum in double, rounded. Max and min are exact for every type.
 */
public final class ProjectionReducer implements ChunkReducer<PixelStats> {
    private static final long serialVersionUID = 1L;

    private final Projection projection;

    public ProjectionReducer(Projection projection) {
        this.projection = projection;
    }

    @Override
    public PixelStats identity(ArrayMeta array) {
        return PixelStats.empty(projection, array.grid().height() * array.grid().width());
    }

    @Override
    public PixelStats accumulate(PixelStats s, ArrayMeta array, long index, Object chunk) {
        return array.type().isInteger() && s.sumSquares == null ? accumulateIntegers(s, array, index, chunk) : accumulateDoubles(s, array, index, chunk);
    }

    /**
     * Integer pixels (signed or not): int accumulators per batch of frames, folded into the doubles once per batch. A
     * sum's batch is as many frames as an int holds ({@link DataType#framesPerIntSum()}); max and min take the whole chunk.
     */
    private PixelStats accumulateIntegers(PixelStats s, ArrayMeta array, long index, Object chunk) {
        int[] extent = array.grid().extent(index);
        if (s.sum != null && extent[1] == array.grid().height() && extent[2] == array.grid().width()) {
            return sumWholeFrames(s, array.type(), chunk, extent[0], extent[1] * extent[2]);
        }
        long[] origin = array.grid().origin(index);
        int width = array.grid().width();
        int ch = extent[1], cw = extent[2], plane = ch * cw;
        int[] acc = new int[plane];
        DataType type = array.type();
        int batch = s.sum != null ? type.framesPerIntSum() : extent[0];
        for (int t0 = 0; t0 < extent[0]; t0 += batch) {
            int t1 = Math.min(extent[0], t0 + batch);
            Arrays.fill(acc, s.sum != null ? 0 : s.max != null ? Integer.MIN_VALUE : Integer.MAX_VALUE);
            for (int t = t0; t < t1; t++) {
                if (s.sum != null) type.add(chunk, t * plane, acc, plane);
                else if (s.max != null) type.max(chunk, t * plane, acc, plane);
                else type.min(chunk, t * plane, acc, plane);
            }
            for (int r = 0; r < ch; r++) {
                int p = (int) ((origin[1] + r) * width + origin[2]);
                for (int c = 0; c < cw; c++) {
                    int v = acc[r * cw + c];
                    if (s.sum != null) s.sum[p + c] += v;
                    else if (s.max != null) s.max[p + c] = Math.max(s.max[p + c], v);
                    else s.min[p + c] = Math.min(s.min[p + c], v);
                }
            }
        }
        return s;
    }

    /** Chunks of whole frames: int sums kept across chunks ({@link PixelStats#pending}), added to the doubles per batch. */
    private static PixelStats sumWholeFrames(PixelStats s, DataType type, Object chunk, int frames, int plane) {
        for (int t = 0; t < frames; t++) s.addPending(type, chunk, t * plane, plane);
        return s;
    }

    private PixelStats accumulateDoubles(PixelStats s, ArrayMeta array, long index, Object chunk) {
        long[] origin = array.grid().origin(index);
        int[] extent = array.grid().extent(index);
        int width = array.grid().width();
        int cw = extent[2];
        double[] row = new double[cw];
        for (int t = 0; t < extent[0]; t++) {
            for (int r = 0; r < extent[1]; r++) {
                array.type().toDouble(chunk, (t * extent[1] + r) * cw, row, 0, cw);
                int p = (int) ((origin[1] + r) * width + origin[2]);
                if (s.sum != null) for (int c = 0; c < cw; c++) s.sum[p + c] += row[c];
                if (s.sumSquares != null) for (int c = 0; c < cw; c++) s.sumSquares[p + c] += row[c] * row[c];
                if (s.max != null) for (int c = 0; c < cw; c++) s.max[p + c] = Math.max(s.max[p + c], row[c]);
                if (s.min != null) for (int c = 0; c < cw; c++) s.min[p + c] = Math.min(s.min[p + c], row[c]);
            }
        }
        return s;
    }

    @Override
    public PixelStats combine(PixelStats a, PixelStats b) {
        return a.plus(b);
    }

    @Override
    public PixelStats partialDone(PixelStats s) {
        s.flushPending();
        return s;
    }

    /** The projected frame, row-major (H, W), as doubles; see the README's "Numerical contract" for the exact definitions. */
    public double[] finish(PixelStats s, long frames) {
        s.flushPending();
        switch (projection) {
            case AVERAGE: {
                double[] mean = new double[s.sum.length];
                for (int i = 0; i < mean.length; i++) mean[i] = s.sum[i] / (double) frames;
                return mean;
            }
            case SUM:
                return s.sum;
            case MAX:
                return s.max;
            case MIN:
                return s.min;
            default:
                return standardDeviation(s, frames);
        }
    }

    /** Sample standard deviation with ImageJ ZProjector's formula, so both agree to float rounding. */
    private static double[] standardDeviation(PixelStats s, long frames) {
        double n = frames;
        double[] sd = new double[s.sum.length];
        if (frames < 2) return sd;
        for (int i = 0; i < sd.length; i++) {
            double variance = (n * s.sumSquares[i] - s.sum[i] * s.sum[i]) / n;
            sd[i] = variance > 0 ? Math.sqrt(variance / (n - 1.0)) : 0;
        }
        return sd;
    }
}
