package org.gridstack;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.gridstack.array.ArrayMeta;
import org.gridstack.sample.SyntheticStack;
import org.gridstack.base.Progress;
import org.gridstack.ops.project.Projection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GridStackSmokeTest {
    @TempDir
    Path dir;

    @Test
    void opensPersistsAndProjects() throws Exception {
        SyntheticStack stack = new SyntheticStack(20, 64, 48, 1);
        String pattern = stack.writeTiffs(dir);
        GridStack grid = TestGrid.grid();
        ArrayMeta meta = grid.open("smoke", pattern, 0, -1, 3);
        assertEquals(7, meta.grid().chunkCount());
        assertEquals(20L * 64 * 48, grid.persist("smoke", Progress.NONE));
        double[] mean = grid.project("smoke", Projection.AVERAGE, Progress.NONE);
        double[] expected = new double[64 * 48];
        for (int t = 0; t < 20; t++) {
            byte[] f = stack.frame(t);
            for (int i = 0; i < f.length; i++) expected[i] += f[i] & 0xff;
        }
        for (int i = 0; i < expected.length; i++) expected[i] /= 20.0;
        assertArrayEquals(expected, mean);
        assertArrayEquals(stack.frame(7), (byte[]) grid.frame("smoke", 7));
    }
}
