package org.gridstack;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.file.Files;
import java.nio.file.Path;
import org.gridstack.TestImages.Stack;
import org.gridstack.base.Progress;
import org.gridstack.ops.project.Projection;
import org.gridstack.telemetry.TaskLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Persist keeps per-pixel and per-frame sums, and Z Project (Average, Sum) and slice means of the same array answer
 * from them without a grid job; the answers equal plain loops over the pixels, and an array replaced or reopened
 * under the same name never gets its predecessor's sums.
 */
class PersistKeptSumsTest {
    @TempDir
    Path dir;

    private String write(Stack s, String folder) throws Exception {
        Path d = Files.createDirectories(dir.resolve(folder));
        s.writeFiles(d, "s_%03d.tif", "tiff", 0);
        return d.resolve("s_%03d.tif").toString();
    }

    @Test
    void averageSumAndSliceMeansComeFromPersistWithoutAGridJob() throws Exception {
        Stack s = TestImages.random(7, 17, 29, 41, true, 3);
        GridStack grid = TestGrid.grid();
        grid.open("persist-kept-sums", write(s, "a"), 0, -1, 4);
        grid.persist("persist-kept-sums", Progress.NONE);
        TaskLog persisted = grid.lastTaskLog();
        long[] reported = new long[2];
        Progress progress = (done, total, bytes) -> {
            reported[0] = done;
            reported[1] = total;
        };

        assertArrayEquals(TestImages.average(s), grid.project("persist-kept-sums", Projection.AVERAGE, progress));
        assertArrayEquals(new long[] {5, 5}, reported, "progress says all 5 chunks are done");
        double[] sum = grid.project("persist-kept-sums", Projection.SUM, Progress.NONE);
        assertArrayEquals(TestImages.sum(s), sum);
        assertArrayEquals(TestImages.sliceMeans(s), grid.sliceMeans("persist-kept-sums", Progress.NONE));
        assertSame(persisted, grid.lastTaskLog(), "no grid job ran for Average, Sum or slice means");

        sum[0] = -1; // a caller's copy: changing it changes nothing kept
        assertArrayEquals(TestImages.sum(s), grid.project("persist-kept-sums", Projection.SUM, Progress.NONE));
        assertArrayEquals(TestImages.max(s), grid.project("persist-kept-sums", Projection.MAX, Progress.NONE));
        assertNotSame(persisted, grid.lastTaskLog(), "Max is a grid job");
        grid.drop("persist-kept-sums");
    }

    @Test
    void anArrayReplacedUnderTheSameNameIsProjectedFromItsOwnPixels() throws Exception {
        Stack first = TestImages.random(11, 9, 20, 30, false);
        Stack second = TestImages.random(12, 9, 20, 30, false);
        GridStack grid = TestGrid.grid();
        grid.open("persist-kept-replaced", write(first, "first"), 0, -1, 2);
        grid.persist("persist-kept-replaced", Progress.NONE);
        assertArrayEquals(TestImages.average(first), grid.project("persist-kept-replaced", Projection.AVERAGE, Progress.NONE));

        grid.overwriting().open("persist-kept-replaced", write(second, "second"), 0, -1, 2);
        assertArrayEquals(TestImages.average(second), grid.project("persist-kept-replaced", Projection.AVERAGE, Progress.NONE));
        assertArrayEquals(TestImages.sliceMeans(second), grid.sliceMeans("persist-kept-replaced", Progress.NONE));

        grid.drop("persist-kept-replaced");
        grid.open("persist-kept-replaced", write(first, "third"), 0, -1, 3);
        TaskLog before = grid.lastTaskLog();
        assertArrayEquals(TestImages.average(first), grid.project("persist-kept-replaced", Projection.AVERAGE, Progress.NONE));
        assertNotSame(before, grid.lastTaskLog(), "a reopened array, not persisted since, is projected by a grid job");
        grid.drop("persist-kept-replaced");
    }
}
