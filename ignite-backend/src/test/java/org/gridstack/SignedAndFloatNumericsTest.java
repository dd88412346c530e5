package org.gridstack;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.stream.Stream;
import org.gridstack.array.ArrayMeta;
import org.gridstack.array.DataType;
import org.gridstack.base.Progress;
import org.gridstack.ops.project.Projection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every reduction over every pixel type (README, "Numerical contract"), against plain loops over the same values:
 * signed values are read as signed, integer sums are exact (the test's sums are BigInteger, not long), max and min
 * hold for all-negative pixels, and a frame whose total is zero or negative has centroid (0, 0). FLOAT32 values are
 * multiples of 1/8 small enough that every sum is exact in double, so float results are compared exactly too.
 */
class SignedAndFloatNumericsTest {
    private final GridStack grid = TestGrid.grid();

    static Stream<Arguments> stacks() {
        return Stream.of(
                // type, T, H, W, frames per chunk, extremes
                Arguments.of(DataType.INT16, 9, 23, 31, 4, false),
                Arguments.of(DataType.INT16, 5, 17, 9, 2, true),
                Arguments.of(DataType.INT32, 9, 23, 31, 4, false),
                Arguments.of(DataType.INT32, 7, 17, 9, 3, true),
                Arguments.of(DataType.FLOAT32, 9, 23, 31, 4, false),
                Arguments.of(DataType.UINT8, 6, 19, 13, 4, true),
                Arguments.of(DataType.UINT8, 600, 5, 9, 600, true), // a pixel's sum passes what a 16-bit lane holds
                Arguments.of(DataType.UINT16, 6, 19, 13, 5, true));
    }

    @ParameterizedTest(name = "{0} {1}x{2}x{3} fpc {4} extremes {5}")
    @MethodSource("stacks")
    void reductionsMatchPlainLoops(DataType type, int frames, int height, int width, int framesPerChunk, boolean extremes) {
        ValueSource src = new ValueSource(frames, height, width, type, frames * 31L + height, 1, frames - 2, extremes);
        String name = "sf-" + type + "-" + frames + "-" + extremes;
        ArrayMeta meta = grid.open(name, src, framesPerChunk);
        assertEquals(type, meta.type());
        for (int t = 0; t < frames; t++) assertFrameHolds(src, t, grid.frame(name, t));
        checkReductions(src, name);
        // the same array as time-series blocks: each frame's sums now come from several chunks
        grid.rechunk(name, name + "-blocks", 7, Progress.NONE);
        checkReductions(src, name + "-blocks");
        grid.drop(name + "-blocks");
        grid.drop(name);
    }

    @ParameterizedTest(name = "{0} {1} rows")
    @MethodSource("tallFrames")
    void centroidsAndMeansOfTallFramesAreExactPastTheRangeOfAColumnSum(DataType type, int rows) {
        // half the pixels at the type's maximum: a column sums past what a 16-bit lane (8-bit) or an int (16-bit) holds
        ValueSource src = new ValueSource(3, rows, 11, type, 77, -1, -1, true);
        String name = "sf-tall-" + type;
        grid.open(name, src, 2);
        double[][] expected = centroids(src);
        double[][] actual = grid.centroids(name, Progress.NONE);
        assertArrayEquals(expected[0], actual[0], "centroid x");
        assertArrayEquals(expected[1], actual[1], "centroid y");
        double[] sum = new double[rows * 11];
        for (int t = 0; t < src.frames; t++) for (int i = 0; i < sum.length; i++) sum[i] += src.value(t, i / 11, i % 11);
        assertArrayEquals(sum, grid.project(name, Projection.SUM, Progress.NONE), "sum over time");
        grid.drop(name);
    }

    static Stream<Arguments> tallFrames() {
        return Stream.of(Arguments.of(DataType.UINT8, 1000), Arguments.of(DataType.UINT16, 70_000));
    }

    private void checkReductions(ValueSource src, String name) {
        int pixels = src.height * src.width;
        BigInteger[] sums = new BigInteger[pixels];
        double[] max = new double[pixels], min = new double[pixels];
        java.util.Arrays.fill(max, Double.NEGATIVE_INFINITY);
        java.util.Arrays.fill(min, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(sums, BigInteger.ZERO);
        double[] sliceMeans = new double[src.frames];
        for (int t = 0; t < src.frames; t++) {
            BigInteger slice = BigInteger.ZERO;
            for (int i = 0; i < pixels; i++) {
                double v = src.value(t, i / src.width, i % src.width);
                BigInteger exact = eighths(v);
                sums[i] = sums[i].add(exact);
                slice = slice.add(exact);
                max[i] = Math.max(max[i], v);
                min[i] = Math.min(min[i], v);
            }
            sliceMeans[t] = fromEighths(slice) / (double) pixels;
        }
        double[] sum = new double[pixels], average = new double[pixels];
        for (int i = 0; i < pixels; i++) {
            sum[i] = fromEighths(sums[i]);
            average[i] = sum[i] / (double) src.frames;
        }
        assertArrayEquals(sum, grid.project(name, Projection.SUM, Progress.NONE), name + " SUM");
        assertArrayEquals(average, grid.project(name, Projection.AVERAGE, Progress.NONE), name + " AVERAGE");
        assertArrayEquals(max, grid.project(name, Projection.MAX, Progress.NONE), name + " MAX");
        assertArrayEquals(min, grid.project(name, Projection.MIN, Progress.NONE), name + " MIN");
        assertArrayEquals(sliceMeans, grid.sliceMeans(name, Progress.NONE), name + " slice means");
        double[][] expected = centroids(src);
        double[][] actual = grid.centroids(name, Progress.NONE);
        assertArrayEquals(expected[0], actual[0], name + " centroid x");
        assertArrayEquals(expected[1], actual[1], name + " centroid y");
        assertEquals(0.0, actual[0][1], "all-zero frame");
        assertEquals(0.0, actual[0][src.frames - 2], "frame with a negative or zero total");
    }

    /** The centroid formula on exact sums: x = (double) sx / (double) total when total > 0, else (0, 0). */
    static double[][] centroids(ValueSource src) {
        double[][] xy = new double[2][src.frames];
        for (int t = 0; t < src.frames; t++) {
            BigInteger total = BigInteger.ZERO, sx = BigInteger.ZERO, sy = BigInteger.ZERO;
            for (int r = 0; r < src.height; r++) {
                for (int c = 0; c < src.width; c++) {
                    BigInteger v = eighths(src.value(t, r, c));
                    total = total.add(v);
                    sx = sx.add(v.multiply(BigInteger.valueOf(r)));
                    sy = sy.add(v.multiply(BigInteger.valueOf(c)));
                }
            }
            if (total.signum() > 0) {
                xy[0][t] = fromEighths(sx) / fromEighths(total);
                xy[1][t] = fromEighths(sy) / fromEighths(total);
            }
        }
        return xy;
    }

    /** v (an integer or a multiple of 1/8) in eighths, exactly. */
    private static BigInteger eighths(double v) {
        double e = v * 8;
        assertEquals(Math.rint(e), e, "test value " + v + " is not a multiple of 1/8");
        return new java.math.BigDecimal(e).toBigIntegerExact();
    }

    /** A count of eighths as the nearest double. */
    private static double fromEighths(BigInteger e) {
        return e.doubleValue() / 8;
    }

    private static void assertFrameHolds(ValueSource src, int t, Object frame) {
        for (int r = 0; r < src.height; r++) {
            for (int c = 0; c < src.width; c++) {
                assertEquals(src.value(t, r, c), src.type.get(frame, r * src.width + c), "pixel (" + t + ", " + r + ", " + c + ")");
            }
        }
    }

    /**
     * Centroid sums beyond a long: an int32 frame of 8192 x 256 near 2^31 has Σ row·v of about 2^64. The centroid still
     * follows the formula on the exact sums.
     */
    @Test
    void fftPowerOfSignedAndFloatSeriesMatchesAPlainDft() {
        for (DataType type : new DataType[] {DataType.INT16, DataType.INT32, DataType.FLOAT32}) {
            ValueSource src = new ValueSource(11, 6, 5, type, 77, 1, 9, true);
            String name = "sf-fft-" + type;
            grid.open(name, src, 4);
            grid.fftPower(name, name + "-p", 3, Progress.NONE);
            float[] power = (float[]) grid.frames(name + "-p", 0, 11);
            for (int p = 0; p < 30; p++) {
                double[] x = new double[11];
                for (int t = 0; t < 11; t++) x[t] = src.value(t, p / 5, p % 5);
                double[] expected = new double[11];
                for (int k = 0; k < 11; k++) {
                    double re = 0, im = 0;
                    for (int n = 0; n < 11; n++) {
                        double a = -2 * Math.PI * ((long) k * n % 11) / 11;
                        re += x[n] * Math.cos(a);
                        im += x[n] * Math.sin(a);
                    }
                    expected[k] = re * re + im * im;
                }
                for (int k = 0; k < 11; k++) {
                    assertEquals(expected[k], power[k * 30 + p], 1e-6 * expected[0] + 1e-6 * Math.abs(expected[k]), type + " pixel " + p + " k=" + k);
                }
            }
            grid.drop(name + "-p");
            grid.drop(name);
        }
    }

    @Test
    void int32CentroidSumsBeyondALongStayExact() {
        ValueSource src = new ValueSource(2, 8192, 256, DataType.INT32, 3, -1, -1, true);
        BigInteger sx = BigInteger.ZERO;
        for (int r = 0; r < src.height; r++) {
            for (int c = 0; c < src.width; c++) sx = sx.add(BigInteger.valueOf((long) src.value(0, r, c) * r));
        }
        assertTrue(sx.bitLength() > 63, "the test's sums must overflow a long: " + sx.bitLength() + " bits");
        grid.open("sf-wide", src, 1);
        double[][] expected = centroids(src);
        double[][] actual = grid.centroids("sf-wide", Progress.NONE);
        assertArrayEquals(expected[0], actual[0]);
        assertArrayEquals(expected[1], actual[1]);
        assertTrue(actual[0][0] > 4000 && actual[0][0] < 4200, "centroid row " + actual[0][0]);
        grid.drop("sf-wide");
    }

    /** Max of pixels that are negative in every frame is negative (an accumulator starting at 0 would say 0). */
    @Test
    void maxAndMinOfAllNegativePixels() {
        for (DataType type : new DataType[] {DataType.INT16, DataType.INT32, DataType.FLOAT32}) {
            ValueSource src = new ValueSource(5, 6, 7, type, 8, -1, 0, false);
            grid.open("sf-neg", src, 2);
            double[] max = grid.project("sf-neg", Projection.MAX, Progress.NONE);
            double[] min = grid.project("sf-neg", Projection.MIN, Progress.NONE);
            for (int i = 0; i < max.length; i++) {
                double m = Double.NEGATIVE_INFINITY, n = Double.POSITIVE_INFINITY;
                for (int t = 0; t < 5; t++) {
                    m = Math.max(m, src.value(t, i / 7, i % 7));
                    n = Math.min(n, src.value(t, i / 7, i % 7));
                }
                assertEquals(m, max[i], type + " max of pixel " + i);
                assertEquals(n, min[i], type + " min of pixel " + i);
            }
            assertTrue(java.util.Arrays.stream(max).anyMatch(v -> v < 0), type + ": the test needs all-negative pixels");
            assertEquals(0.0, grid.centroids("sf-neg", Progress.NONE)[0][3], "negative total: centroid (0, 0)");
            grid.drop("sf-neg");
        }
    }

    /** Recenter works on signed and float stacks too, and keeps the type and the stored values. */
    @Test
    void recenterKeepsSignedAndFloatValues() {
        for (DataType type : new DataType[] {DataType.INT16, DataType.INT32, DataType.FLOAT32}) {
            ValueSource src = new ValueSource(6, 20, 24, type, 11, 1, 4, false);
            grid.open("sf-rc", src, 4);
            ArrayMeta out = grid.recenter("sf-rc", "sf-rc-out", 10, Progress.NONE);
            assertEquals(type, out.type());
            double[][] xy = centroids(src);
            for (int t = 0; t < 6; t++) {
                int row0 = Math.max(5, Math.min(20 - 5, (int) xy[0][t])) - 5;
                int col0 = Math.max(5, Math.min(24 - 5, (int) xy[1][t])) - 5;
                assertEquals(row0, grid.cropWindows("sf-rc-out").row0(t), type + " frame " + t);
                Object frame = grid.frame("sf-rc-out", t);
                for (int r = 0; r < 10; r++) {
                    for (int c = 0; c < 10; c++) {
                        assertEquals(src.value(t, row0 + r, col0 + c), type.get(frame, r * 10 + c), type + " frame " + t);
                    }
                }
            }
            grid.drop("sf-rc-out");
            grid.drop("sf-rc");
        }
    }
}
