package org.gridstack.plugin;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.gridstack.GridStack;
import org.gridstack.array.ArrayMeta;
import org.gridstack.array.DataType;
import org.gridstack.base.Progress;
import org.gridstack.ops.project.Projection;
import org.gridstack.plugin.ij1.TiffStackWriter;
import org.gridstack.sample.SyntheticStack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What Grid Stack saves it opens again: the float32 power spectrum (power.tif, as Save Grid Stack writes it with
 * ImageJ's TIFF writer) reopens as a float32 stack, value for value, and so does a signed 16-bit array.
 */
class ReopenSavedTest {
    @TempDir
    Path dir;

    @Test
    void savedPowerSpectrumReopensAsFloat32() throws Exception {
        SyntheticStack stack = new SyntheticStack(12, 20, 24, 5);
        GridStack grid = GridStack.embedded();
        grid.open("reopen-src", stack.writeTiffs(dir.resolve("in")), 0, -1, 4);
        ArrayMeta power = grid.fftPower("reopen-src", "reopen-power", Progress.NONE);
        String path = dir.resolve("power.tif").toString();
        TiffStackWriter.write(grid, "reopen-power", path);

        ArrayMeta back = grid.open("reopen-back", path, 0, -1, 0);
        assertEquals(DataType.FLOAT32, back.type());
        assertArrayEquals(power.grid().shape(), back.grid().shape());
        for (int t = 0; t < 12; t++) {
            assertArrayEquals((float[]) grid.frame("reopen-power", t), (float[]) grid.frame("reopen-back", t), "slice " + t);
        }
        assertArrayEquals(grid.project("reopen-power", Projection.AVERAGE, Progress.NONE),
                grid.project("reopen-back", Projection.AVERAGE, Progress.NONE));
        for (String name : new String[] {"reopen-back", "reopen-power", "reopen-src"}) grid.drop(name);
    }

    /** A signed stack is saved as float32 (ImageJ shows it so) and reopens with the same values, now as float32. */
    @Test
    void savedSignedStackReopensWithItsValues() throws Exception {
        GridStack grid = GridStack.embedded();
        SignedPixelViewsTest.Signed src = new SignedPixelViewsTest.Signed(DataType.INT16);
        grid.open("reopen-i16", src, 2);
        String path = dir.resolve("i16.tif").toString();
        TiffStackWriter.write(grid, "reopen-i16", path);
        ArrayMeta back = grid.open("reopen-i16-back", path, 0, -1, 0);
        assertEquals(DataType.FLOAT32, back.type());
        for (int t = 0; t < 4; t++) {
            float[] frame = (float[]) grid.frame("reopen-i16-back", t);
            for (int i = 0; i < frame.length; i++) assertEquals((float) src.value(t, i), frame[i], "slice " + t + " pixel " + i);
        }
        grid.drop("reopen-i16-back");
        grid.drop("reopen-i16");
    }
}
