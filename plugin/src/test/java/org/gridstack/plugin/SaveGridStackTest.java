package org.gridstack.plugin;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ij.ImagePlus;
import ij.io.FileSaver;
import ij.io.Opener;
import java.nio.file.Path;
import org.gridstack.GridStack;
import org.gridstack.array.ArrayMeta;
import org.gridstack.sample.SyntheticStack;
import org.gridstack.plugin.ij1.GridVirtualStack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A grid array saved through ImageJ's TIFF writer over the virtual stack reads back slice for slice. */
class SaveGridStackTest {
    @TempDir
    Path dir;

    @Test
    void savedStackReadsBackIdentical() throws Exception {
        SyntheticStack stack = new SyntheticStack(13, 21, 34, 9);
        GridStack grid = GridStack.embedded();
        ArrayMeta meta = grid.open("save", stack.writeTiffs(dir.resolve("in")), 0, -1, 4);
        String path = dir.resolve("saved.tif").toString();
        new FileSaver(new ImagePlus("save", new GridVirtualStack(grid, meta))).saveAsTiffStack(path);

        ImagePlus back = new Opener().openImage(path);
        assertEquals(13, back.getStackSize());
        assertEquals(8, back.getBitDepth());
        for (int t = 0; t < 13; t++) {
            assertArrayEquals(stack.frame(t), (byte[]) back.getStack().getProcessor(t + 1).getPixels(), "slice " + t);
        }
    }
}
