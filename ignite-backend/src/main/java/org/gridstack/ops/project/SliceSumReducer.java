package org.gridstack.ops.project;

import java.io.Serializable;
import org.gridstack.exec.ChunkReducer;
import org.gridstack.array.ArrayMeta;
import org.gridstack.array.DataType;

/**
 * The sum of every frame (slice); any chunk shape. Integer types (signed or not) sum exactly in long: a frame holds
 * under 2^31 values of at most 2^31 in magnitude, so its sum fits. Float types sum in double, rounded.
 */
public final class SliceSumReducer implements ChunkReducer<SliceSumReducer.Sums> {
    private static final long serialVersionUID = 1L;

    /** Per frame: the exact long sums (integer types), or the double sums (float types). */
    public static final class Sums implements Serializable {
        private static final long serialVersionUID = 1L;

        final long[] exact;
        final double[] rounded;

        Sums(long[] exact, double[] rounded) {
            this.exact = exact;
            this.rounded = rounded;
        }

        /** The exact sums of an integer type's frames, already known. */
        static Sums exact(long[] sums) {
            return new Sums(sums, null);
        }

        /** {@code (double) Σ / pixels} per frame: one rounding of the exact sum for integer types. */
        public double[] means(double pixels) {
            int frames = exact != null ? exact.length : rounded.length;
            double[] means = new double[frames];
            for (int t = 0; t < frames; t++) means[t] = (exact != null ? (double) exact[t] : rounded[t]) / pixels;
            return means;
        }
    }

    @Override
    public Sums identity(ArrayMeta array) {
        int frames = (int) array.grid().frames();
        return array.type().isInteger() ? new Sums(new long[frames], null) : new Sums(null, new double[frames]);
    }

    @Override
    public Sums accumulate(Sums sums, ArrayMeta array, long index, Object chunk) {
        long t0 = array.grid().origin(index)[0];
        int[] extent = array.grid().extent(index);
        int framePixels = extent[1] * extent[2];
        DataType type = array.type();
        if (sums.exact != null) {
            for (int t = 0; t < extent[0]; t++) sums.exact[(int) (t0 + t)] += type.sum(chunk, t * framePixels, framePixels);
            return sums;
        }
        double[] values = new double[framePixels];
        for (int t = 0; t < extent[0]; t++) {
            type.toDouble(chunk, t * framePixels, values, 0, framePixels);
            double s = 0;
            for (double v : values) s += v;
            sums.rounded[(int) (t0 + t)] += s;
        }
        return sums;
    }

    @Override
    public Sums combine(Sums a, Sums b) {
        for (int i = 0; a.exact != null && i < a.exact.length; i++) a.exact[i] += b.exact[i];
        for (int i = 0; a.rounded != null && i < a.rounded.length; i++) a.rounded[i] += b.rounded[i];
        return a;
    }
}
