package org.gridstack.ops.recenter;

import java.io.Serializable;
import java.math.BigInteger;
import org.gridstack.exec.ChunkReducer;
import org.gridstack.array.ArrayMeta;
import org.gridstack.array.ByteLanes;
import org.gridstack.array.DataType;

/**
 * Intensity-weighted centroid sums of every frame (README, "Numerical contract"): per frame t, {@code total = Σ v},
 * {@code sx = Σ row·v}, {@code sy = Σ col·v}. Any chunk shape, any type.
 *
 * <p>Integer types (signed or not) sum exactly: total in a long (under 2^31 values of at most 2^31 in magnitude), sx
 * and sy in 128 bits, as a long can overflow there (an int32 frame of 2000 x 2000 near 2^31 reaches 2^63). The
 * centroid is then {@code x = (double) sx / (double) total}: the same value as exact long sums give, wherever those
 * did not overflow. Float types sum in double, row by row, and use the same formula; their sums depend on the order of
 * the additions (so on the chunk shapes) to rounding. For every type, a frame whose total is zero or negative
 * (possible with signed and float values) has centroid (0, 0).
 */
public final class CentroidReducer implements ChunkReducer<CentroidReducer.Sums> {
    private static final long serialVersionUID = 1L;
    private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);

    /**
     * The partial: per frame t, exact sums at [5t .. 5t+4] = total, sx (high, low 64 bits), sy (high, low), or double
     * sums at [3t .. 3t+2] = total, sx, sy.
     */
    public static final class Sums implements Serializable {
        private static final long serialVersionUID = 1L;

        final long[] exact;
        final double[] rounded;

        Sums(long[] exact, double[] rounded) {
            this.exact = exact;
            this.rounded = rounded;
        }

        int frames() {
            return exact != null ? exact.length / 5 : rounded.length / 3;
        }

        /** Integer types: the exact sum of every frame (its total); null for float types. */
        public long[] totals() {
            if (exact == null) return null;
            long[] totals = new long[frames()];
            for (int t = 0; t < totals.length; t++) totals[t] = exact[5 * t];
            return totals;
        }

        long bytes() {
            return exact != null ? exact.length * (long) Long.BYTES : rounded.length * (long) Double.BYTES;
        }

        /** Centroid row of frame t: sx / total, or 0 when total is not positive. */
        public double x(int t) {
            if (exact != null) return exact[5 * t] > 0 ? toDouble(exact[5 * t + 1], exact[5 * t + 2]) / (double) exact[5 * t] : 0.0;
            return rounded[3 * t] > 0 ? rounded[3 * t + 1] / rounded[3 * t] : 0.0;
        }

        /** Centroid column of frame t: sy / total, or 0 when total is not positive. */
        public double y(int t) {
            if (exact != null) return exact[5 * t] > 0 ? toDouble(exact[5 * t + 3], exact[5 * t + 4]) / (double) exact[5 * t] : 0.0;
            return rounded[3 * t] > 0 ? rounded[3 * t + 2] / rounded[3 * t] : 0.0;
        }
    }

    @Override
    public Sums identity(ArrayMeta array) {
        int frames = (int) array.grid().frames();
        return array.type().isInteger() ? new Sums(new long[5 * frames], null) : new Sums(null, new double[3 * frames]);
    }

    @Override
    public Sums accumulate(Sums sums, ArrayMeta array, long index, Object chunk) {
        long[] origin = array.grid().origin(index);
        int[] extent = array.grid().extent(index);
        int rows = extent[1], cols = extent[2];
        DataType type = array.type();
        if (sums.rounded != null) {
            double[] row = new double[cols];
            double[] s = sums.rounded;
            for (int t = 0; t < extent[0]; t++) {
                int at = 3 * (int) (origin[0] + t);
                for (int r = 0; r < rows; r++) {
                    type.toDouble(chunk, (t * rows + r) * cols, row, 0, cols);
                    double total = 0, sc = 0;
                    for (int c = 0; c < cols; c++) {
                        total += row[c];
                        sc += c * row[c];
                    }
                    s[at] += total;
                    s[at + 1] += (origin[1] + r) * total;
                    s[at + 2] += sc + origin[2] * total;
                }
            }
            return sums;
        }
        if (type.bytes() <= 2) return accumulateByColumns(sums, type, chunk, origin, extent);
        long[] run = new long[2];
        long[] s = sums.exact;
        for (int t = 0; t < extent[0]; t++) {
            int at = 5 * (int) (origin[0] + t);
            for (int r = 0; r < rows; r++) {
                long rowTotal = 0;
                for (int c0 = 0; c0 < cols; c0 += DataType.MOMENT_RUN) {
                    type.moments(chunk, (t * rows + r) * cols + c0, Math.min(DataType.MOMENT_RUN, cols - c0), run);
                    rowTotal += run[0];
                    add(s, at + 3, run[1] >> 63, run[1]);
                    addProduct(s, at + 3, origin[2] + c0, run[0]);
                }
                s[at] += rowTotal;
                addProduct(s, at + 1, origin[1] + r, rowTotal);
            }
        }
        return sums;
    }

    /**
     * The exact sums of 8- and 16-bit frames from row totals and column totals: {@code sy = Σ col·columnTotal[col]}
     * instead of a product per pixel. Row totals are {@link DataType#sum}; column totals of 8-bit frames are
     * {@link ByteLanes}, of 16-bit ones int adds moved into longs every {@link DataType#framesPerIntSum()} rows (as
     * many rows of the type as an int can sum). Both are several times faster than {@link DataType#moments}.
     */
    private static Sums accumulateByColumns(Sums sums, DataType type, Object chunk, long[] origin, int[] extent) {
        long[] s = sums.exact;
        int rows = extent[1], cols = extent[2];
        boolean bytes = type == DataType.UINT8;
        long[] lanes = bytes ? ByteLanes.lanes(cols) : null;
        int[] pending = bytes ? null : new int[cols];
        int rowsPerFlush = bytes ? ByteLanes.ADDS_PER_FLUSH : type.framesPerIntSum();
        long[] columns = new long[cols];
        for (int t = 0; t < extent[0]; t++) {
            int at = 5 * (int) (origin[0] + t);
            for (int r = 0; r < rows; r++) {
                int from = (t * rows + r) * cols;
                long rowTotal = type.sum(chunk, from, cols);
                if (bytes) ByteLanes.add((byte[]) chunk, from, lanes, cols);
                else type.add(chunk, from, pending, cols);
                if ((r + 1) % rowsPerFlush == 0 || r == rows - 1) {
                    if (bytes) ByteLanes.flush(lanes, columns, cols);
                    else flush(pending, columns);
                }
                s[at] += rowTotal;
                addProduct(s, at + 1, origin[1] + r, rowTotal);
            }
            for (int c = 0; c < cols; c++) {
                addProduct(s, at + 3, origin[2] + c, columns[c]);
                columns[c] = 0;
            }
        }
        return sums;
    }

    private static void flush(int[] pending, long[] columns) {
        for (int c = 0; c < pending.length; c++) {
            columns[c] += pending[c];
            pending[c] = 0;
        }
    }

    @Override
    public Sums combine(Sums a, Sums b) {
        if (a.rounded != null) {
            for (int i = 0; i < a.rounded.length; i++) a.rounded[i] += b.rounded[i];
            return a;
        }
        for (int at = 0; at < a.exact.length; at += 5) {
            a.exact[at] += b.exact[at];
            add(a.exact, at + 1, b.exact[at + 1], b.exact[at + 2]);
            add(a.exact, at + 3, b.exact[at + 3], b.exact[at + 4]);
        }
        return a;
    }

    /** Centroid row of frame t: sx / total, or 0 when total is not positive. */
    public static double x(Sums sums, int t) {
        return sums.x(t);
    }

    /** Centroid column of frame t: sy / total, or 0 when total is not positive. */
    public static double y(Sums sums, int t) {
        return sums.y(t);
    }

    /** {x (row), y (col)} per frame; (0, 0) for a frame whose total is zero or negative. */
    public static double[][] finish(Sums sums) {
        int frames = sums.frames();
        double[][] xy = new double[2][frames];
        for (int t = 0; t < frames; t++) {
            xy[0][t] = sums.x(t);
            xy[1][t] = sums.y(t);
        }
        return xy;
    }

    /** The 128-bit two's complement number at a[at] (high 64 bits), a[at + 1] (low) plus (hi, lo). */
    private static void add(long[] a, int at, long hi, long lo) {
        long low = a[at + 1] + lo;
        a[at] += hi + (Long.compareUnsigned(low, lo) < 0 ? 1 : 0);
        a[at + 1] = low;
    }

    /** Adds the exact 128-bit product x·y. */
    private static void addProduct(long[] a, int at, long x, long y) {
        add(a, at, Math.multiplyHigh(x, y), x * y);
    }

    /** The 128-bit number (hi, lo) rounded to the nearest double: exactly (double) lo when it fits in a long. */
    static double toDouble(long hi, long lo) {
        if (hi == lo >> 63) return (double) lo;
        return BigInteger.valueOf(hi).shiftLeft(64).add(BigInteger.valueOf(lo).and(TWO_64.subtract(BigInteger.ONE))).doubleValue();
    }
}
