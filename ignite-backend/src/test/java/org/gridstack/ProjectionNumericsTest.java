package org.gridstack;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Stream;
import org.gridstack.TestImages.Stack;
import org.gridstack.array.ArrayMeta;
import org.gridstack.array.DataType;
import org.gridstack.base.Progress;
import org.gridstack.ops.project.Projection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Projections over time and per-slice means of stacks read from TIFF files, against plain loops over the same
 * pixels (README, "Numerical contract"): AVERAGE and slice means bit-exact, SUM/MAX/MIN exact, SD as a sample SD to float rounding.
 */
class ProjectionNumericsTest {
    @TempDir
    Path dir;

    static Stream<Arguments> shapes() {
        return Stream.of(
                // name, T, H, W, 16-bit, frames per chunk, all-zero slices
                Arguments.of("u8-64x48-T20-fpc3", 20, 48, 64, false, 3, new int[] {0, 9, 19}),
                Arguments.of("u16-64x48-T20-fpc3", 20, 48, 64, true, 3, new int[] {0, 19}),
                Arguments.of("u8-T5-fpc8", 5, 48, 64, false, 8, new int[0]),
                Arguments.of("u16-T5-fpc8", 5, 48, 64, true, 8, new int[] {2}),
                Arguments.of("u8-37x53-T11-fpc4", 11, 37, 53, false, 4, new int[] {10}),
                Arguments.of("u16-37x53-T13-fpc5", 13, 37, 53, true, 5, new int[] {0}),
                Arguments.of("u8-T1", 1, 37, 53, false, 1, new int[0]),
                Arguments.of("u16-T2-auto", 2, 17, 9, true, 0, new int[0]),
                Arguments.of("u8-all-zero", 6, 20, 30, false, 4, new int[] {0, 1, 2, 3, 4, 5}),
                Arguments.of("u16-all-zero", 4, 20, 30, true, 3, new int[] {0, 1, 2, 3}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shapes")
    void projectionsAndSliceMeansMatchPlainLoops(String name, int frames, int height, int width, boolean sixteenBit,
            int framesPerChunk, int[] zeroSlices) throws Exception {
        Stack s = TestImages.random(name.hashCode(), frames, height, width, sixteenBit, zeroSlices);
        s.writeFiles(dir, "s_%03d.tif", "tiff", 0);
        GridStack grid = TestGrid.grid();
        String array = "numerics-" + name;
        ArrayMeta meta = grid.open(array, dir.resolve("s_%03d.tif").toString(), 0, -1, framesPerChunk);
        assertEquals(sixteenBit ? DataType.UINT16 : DataType.UINT8, meta.type());
        assertEquals(frames, meta.grid().frames());
        assertEquals(height, meta.grid().height());
        assertEquals(width, meta.grid().width());
        int depth = framesPerChunk == 0 ? meta.grid().chunkShape()[0] : Math.min(framesPerChunk, frames);
        assertEquals((frames + depth - 1) / depth, meta.grid().chunkCount());
        assertEquals((long) frames * height * width * (sixteenBit ? 2 : 1), grid.persist(array, Progress.NONE));

        assertProjectionsMatch(grid, array, s);
        for (int t = 0; t < frames; t++) assertFrameEquals(s.frames.get(t), grid.frame(array, t), array + " frame " + t);
        grid.drop(array);
    }

    /** The same 16-bit stack cut into chunks of 1, 2, 5, all, more than all and automatic frames. */
    @Test
    void resultsDoNotDependOnFramesPerChunk() throws Exception {
        Stack s = TestImages.random(42, 23, 37, 53, true, 4);
        s.writeFiles(dir, "s_%03d.tif", "tiff", 0);
        String pattern = dir.resolve("s_%03d.tif").toString();
        GridStack grid = TestGrid.grid();
        Map<Projection, double[]> first = null;
        double[] firstMeans = null;
        for (int fpc : new int[] {1, 2, 5, 23, 50, 0}) {
            String array = "invariance-" + fpc;
            grid.open(array, pattern, 0, -1, fpc);
            assertProjectionsMatch(grid, array, s);
            Map<Projection, double[]> results = new EnumMap<>(Projection.class);
            for (Projection p : Projection.values()) results.put(p, grid.project(array, p, Progress.NONE));
            double[] means = grid.sliceMeans(array, Progress.NONE);
            if (first == null) {
                first = results;
                firstMeans = means;
            } else {
                for (Projection p : Projection.values()) assertArrayEquals(first.get(p), results.get(p), p + " with " + fpc + " frames per chunk");
                assertArrayEquals(firstMeans, means, "slice means with " + fpc + " frames per chunk");
            }
            grid.drop(array);
        }
    }

    static void assertProjectionsMatch(GridStack grid, String array, Stack s) {
        assertArrayEquals(TestImages.average(s), grid.project(array, Projection.AVERAGE, Progress.NONE), array + " AVERAGE");
        assertArrayEquals(TestImages.sum(s), grid.project(array, Projection.SUM, Progress.NONE), array + " SUM");
        assertArrayEquals(TestImages.max(s), grid.project(array, Projection.MAX, Progress.NONE), array + " MAX");
        assertArrayEquals(TestImages.min(s), grid.project(array, Projection.MIN, Progress.NONE), array + " MIN");
        assertArrayEquals(TestImages.sliceMeans(s), grid.sliceMeans(array, Progress.NONE), array + " slice means");
        assertSdMatches(s, grid.project(array, Projection.SD, Progress.NONE), array);
    }

    /**
     * SD against the two-pass sample SD, to float rounding (ImageJ's result is float32): within 2 float ulps of
     * the expected value, and 0 exactly where a pixel is constant over time.
     */
    static void assertSdMatches(Stack s, double[] actual, String what) {
        double[] expected = TestImages.sampleSd(s);
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            double tolerance = 2 * Math.ulp((float) expected[i]);
            if (expected[i] == 0) {
                assertEquals(0.0, actual[i], what + " SD at pixel " + i + " (constant over time)");
            } else {
                assertTrue(Math.abs(actual[i] - expected[i]) <= tolerance,
                        what + " SD at pixel " + i + ": " + actual[i] + " vs two-pass " + expected[i]);
            }
        }
    }

    static void assertFrameEquals(Object expected, Object actual, String what) {
        if (expected instanceof byte[]) assertArrayEquals((byte[]) expected, (byte[]) actual, what);
        else assertArrayEquals((short[]) expected, (short[]) actual, what);
    }
}
