package org.gridstack;

import org.gridstack.base.GridStackException;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import org.gridstack.sample.SyntheticStack;
import org.gridstack.base.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A pixel's time series, from frame chunks and from time-series blocks; a pixel outside the image is refused. */
class PixelSeriesTest {
    @TempDir
    Path dir;

    @Test
    void seriesOfAPixelFromFramesAndFromBlocks() throws Exception {
        SyntheticStack stack = new SyntheticStack(17, 30, 41, 6);
        GridStack grid = TestGrid.grid();
        grid.open("series", stack.writeTiffs(dir), 0, -1, 4);
        grid.rechunk("series", "series-blocks", 8, Progress.NONE);
        for (int[] p : new int[][] {{0, 0}, {29, 40}, {13, 22}, {8, 8}}) {
            double[] expected = new double[17];
            for (int t = 0; t < 17; t++) expected[t] = stack.frame(t)[p[0] * 41 + p[1]] & 0xff;
            assertArrayEquals(expected, grid.series("series", p[0], p[1]), 0.0);
            assertArrayEquals(expected, grid.series("series-blocks", p[0], p[1]), 0.0);
        }
    }

    @Test
    void aPixelOutsideTheImageIsRefusedNamingIt() throws Exception {
        GridStack grid = TestGrid.grid();
        grid.open("series-bad", new SyntheticStack(5, 12, 9, 1).writeTiffs(dir), 0, -1, 0);
        GridStackException e = assertThrows(GridStackException.class, () -> grid.series("series-bad", 12, 3));
        assertEquals("pixel (row 12, col 3) is outside 'series-bad' (12 rows x 9 cols)", e.getMessage());
        assertThrows(GridStackException.class, () -> grid.series("series-bad", 0, -1));
        assertEquals(5, grid.series("series-bad", 11, 8).length, "the grid still answers");
    }
}
