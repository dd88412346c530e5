package org.gridstack;

import org.gridstack.base.GridStackException;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.gridstack.array.ArrayMeta;
import org.gridstack.array.DataType;
import org.gridstack.base.Progress;
import org.gridstack.ops.recenter.CropWindows;
import org.gridstack.telemetry.TaskLog;
import org.junit.jupiter.api.Test;

class RecenterTest {
    private static final int T = 23, H = 40, W = 29;

    private final GridStack grid = TestGrid.grid();

    /** Straightforward centroids: long sums over the whole frame, divided once. */
    private static double[][] referenceCentroids(PatternSource src, int frames, int height, int width) {
        double[][] xy = new double[2][frames];
        for (int t = 0; t < frames; t++) {
            long total = 0, sx = 0, sy = 0;
            for (int r = 0; r < height; r++) {
                for (int c = 0; c < width; c++) {
                    long v = src.value(t, r, c);
                    total += v;
                    sx += r * v;
                    sy += c * v;
                }
            }
            if (total > 0) {
                xy[0][t] = (double) sx / (double) total;
                xy[1][t] = (double) sy / (double) total;
            }
        }
        return xy;
    }

    private static int[] referenceOrigin(double x, double y, int crop, int height, int width) {
        int half = crop / 2;
        int xi = Math.min(Math.max((int) x, half), height - half);
        int yi = Math.min(Math.max((int) y, half), width - half);
        return new int[] {xi - half, yi - half};
    }

    private static PatternSource pattern(DataType type) {
        return new PatternSource(T, H, W, type, 5, Set.of(0, 11, T - 1));
    }

    @Test
    void centroidsAreExactForEightAndSixteenBit() {
        for (DataType type : new DataType[] {DataType.UINT8, DataType.UINT16}) {
            PatternSource src = pattern(type);
            grid.open("centroids", src, 4);
            double[][] xy = grid.centroids("centroids", Progress.NONE);
            double[][] expected = referenceCentroids(src, T, H, W);
            assertArrayEquals(expected[0], xy[0], type.label());
            assertArrayEquals(expected[1], xy[1], type.label());
            assertEquals(0.0, xy[0][11]);
            assertEquals(0.0, xy[1][11]);
            grid.drop("centroids");
        }
    }

    @Test
    void recenteredFramesAreTheReferenceWindows() {
        PatternSource src = pattern(DataType.UINT16);
        grid.open("rc-src", src, 5);
        assertRecenteredFramesAreTheReferenceWindows(src);
    }

    @Test
    void afterPersistTheCentroidsAreKeptAndRecenterCutsTheReferenceWindows() {
        PatternSource src = pattern(DataType.UINT16);
        grid.open("rc-src", src, 5);
        grid.persist("rc-src", Progress.NONE);
        TaskLog persisted = grid.lastTaskLog();
        double[][] expected = referenceCentroids(src, T, H, W);
        double[][] xy = grid.centroids("rc-src", Progress.NONE);
        assertArrayEquals(expected[0], xy[0]);
        assertArrayEquals(expected[1], xy[1]);
        assertSame(persisted, grid.lastTaskLog(), "the centroids came from persist's sums, without a grid job");
        assertRecenteredFramesAreTheReferenceWindows(src);
    }

    private void assertRecenteredFramesAreTheReferenceWindows(PatternSource src) {
        int crop = 12;
        ArrayMeta out = grid.recenter("rc-src", "rc-out", crop, Progress.NONE);
        assertEquals(DataType.UINT16, out.type());
        assertArrayEquals(new long[] {T, crop, crop}, out.grid().shape());
        assertEquals(5, out.grid().chunkShape()[0]);

        double[][] xy = referenceCentroids(src, T, H, W);
        CropWindows windows = grid.cropWindows("rc-out");
        boolean clampedLow = false, clampedHigh = false;
        for (int t = 0; t < T; t++) {
            int[] o = referenceOrigin(xy[0][t], xy[1][t], crop, H, W);
            assertEquals(o[0], windows.row0(t), "row0 of frame " + t);
            assertEquals(o[1], windows.col0(t), "col0 of frame " + t);
            clampedLow |= o[0] == 0 && xy[0][t] > 0;
            clampedHigh |= o[0] == H - crop || o[1] == W - crop;
            short[] frame = (short[]) grid.frame("rc-out", t);
            short[] expected = new short[crop * crop];
            for (int r = 0; r < crop; r++) {
                for (int c = 0; c < crop; c++) expected[r * crop + c] = (short) src.value(t, o[0] + r, o[1] + c);
            }
            assertArrayEquals(expected, frame, "frame " + t);
        }
        assertTrue(clampedLow && clampedHigh, "the pattern should clamp windows at both edges");
        assertEquals(0, windows.row0(0));
        assertEquals(0, windows.col0(0));
        grid.drop("rc-out");
        grid.drop("rc-src");
    }

    @Test
    void recenterIsTheSameForAnyFramesPerChunk() {
        PatternSource src = pattern(DataType.UINT8);
        byte[][] first = null;
        for (int depth : new int[] {1, 3, T, T + 5}) {
            grid.open("inv-src", src, depth);
            grid.recenter("inv-src", "inv-out", 8, Progress.NONE);
            byte[][] frames = new byte[T][];
            for (int t = 0; t < T; t++) frames[t] = (byte[]) grid.frame("inv-out", t);
            if (first == null) first = frames;
            for (int t = 0; t < T; t++) assertArrayEquals(first[t], frames[t], "depth " + depth + ", frame " + t);
        }
        grid.drop("inv-out");
        grid.drop("inv-src");
    }

    @Test
    void blockedSourcesAndRecipeRemakesGiveTheSameFrames() {
        PatternSource src = pattern(DataType.UINT8);
        grid.open("blk-src", src, 4);
        ArrayMeta framed = grid.recenter("blk-src", "blk-framed", 10, Progress.NONE);
        for (long i = 0; i < framed.grid().chunkCount(); i++) {
            assertArrayEquals((byte[]) grid.chunk("blk-framed", i), (byte[]) framed.recipe().makeChunk(framed, i, grid::chunk), "chunk " + i + " remade");
        }
        grid.rechunk("blk-src", "blk-blocks", 7, Progress.NONE);
        grid.recenter("blk-blocks", "blk-out", 10, Progress.NONE);
        for (int t = 0; t < T; t++) {
            assertArrayEquals((byte[]) grid.frame("blk-framed", t), (byte[]) grid.frame("blk-out", t), "frame " + t);
            assertEquals(grid.cropWindows("blk-framed").row0(t), grid.cropWindows("blk-out").row0(t));
        }
        for (String name : new String[] {"blk-out", "blk-blocks", "blk-framed", "blk-src"}) grid.drop(name);
    }

    @Test
    void cropOfTheWholeFrameIsTheFrame() {
        PatternSource src = new PatternSource(6, 18, 24, DataType.UINT8, 2, Set.of());
        grid.open("full-src", src, 4);
        grid.recenter("full-src", "full-out", 18, Progress.NONE);
        for (int t = 0; t < 6; t++) {
            byte[] expected = new byte[18 * 18];
            int col0 = grid.cropWindows("full-out").col0(t);
            for (int r = 0; r < 18; r++) {
                for (int c = 0; c < 18; c++) expected[r * 18 + c] = (byte) src.value(t, r, col0 + c);
            }
            assertEquals(0, grid.cropWindows("full-out").row0(t));
            assertArrayEquals(expected, (byte[]) grid.frame("full-out", t));
        }
        grid.drop("full-out");
        grid.drop("full-src");
    }

    @Test
    void defaultCropIsHalfTheSmallerSideRoundedDownToEven() {
        assertEquals(512, GridStack.defaultCrop(1024, 1024));
        assertEquals(1000, GridStack.defaultCrop(2000, 2000));
        assertEquals(10, GridStack.defaultCrop(40, 22));
        assertEquals(14, GridStack.defaultCrop(29, 40));
        ArrayMeta out;
        grid.open("dc-src", pattern(DataType.UINT8), 4);
        out = grid.recenter("dc-src", "dc-out", Progress.NONE);
        assertEquals(14, out.grid().height());
        grid.drop("dc-out");
        grid.drop("dc-src");
    }

    @Test
    void badCropsAreRefusedClearlyAndTheGridStillAnswers() {
        grid.open("bad-src", new PatternSource(5, 400, 512, DataType.UINT8, 1, Set.of()), 2);
        assertEquals("crop (13) must be even",
                assertThrows(GridStackException.class, () -> grid.recenter("bad-src", "bad-out", 13, Progress.NONE)).getMessage());
        assertEquals("crop (600) is larger than the frame (512 x 400)",
                assertThrows(GridStackException.class, () -> grid.recenter("bad-src", "bad-out", 600, Progress.NONE)).getMessage());
        assertEquals("crop (0) must be 2 or more",
                assertThrows(GridStackException.class, () -> grid.recenter("bad-src", "bad-out", 0, Progress.NONE)).getMessage());
        assertThrows(GridStackException.class, () -> grid.recenter("bad-src", "bad-src", 4, Progress.NONE));
        assertTrue(grid.arrays().stream().noneMatch(a -> a.name().equals("bad-out")));
        assertEquals(5, grid.centroids("bad-src", Progress.NONE)[0].length);
        grid.drop("bad-src");
    }
}
