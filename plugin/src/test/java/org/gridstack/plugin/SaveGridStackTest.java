package org.gridstack.plugin;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.ImagePlus;
import ij.io.FileSaver;
import ij.io.Opener;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gridstack.GridStack;
import org.gridstack.array.ArrayMeta;
import org.gridstack.array.DataType;
import org.gridstack.base.GridStackException;
import org.gridstack.sample.SyntheticStack;
import org.gridstack.plugin.ij1.GridVirtualStack;
import org.gridstack.plugin.ij1.TiffStackWriter;
import org.gridstack.source.SliceFormat;
import org.gridstack.source.SliceSource;
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

    /** A lazy stack far larger than any disk here (nothing of it is read unless saved). */
    private static final class HugeBlankSource implements SliceSource {
        private static final long serialVersionUID = 1L;

        @Override
        public int size() {
            return 100_000;
        }

        @Override
        public String where(int t) {
            return "blank slice " + t;
        }

        @Override
        public SliceFormat probe() {
            return new SliceFormat(2000, 2000, DataType.UINT8);
        }

        @Override
        public void read(int t0, int count, SliceFormat format, Object dest) {
            // zeros
        }

        @Override
        public String describe() {
            return "blank";
        }
    }

    @Test
    void aTiffLargerThanTheDiskIsRefusedUpFrontWithTheSizes() {
        GridStack grid = GridStack.embedded();
        grid.open("huge", new HugeBlankSource(), 0);
        Path path = dir.resolve("huge.tif");
        GridStackException e = assertThrows(GridStackException.class, () -> TiffStackWriter.write(grid, "huge", path.toString()));
        assertTrue(e.getMessage().startsWith("cannot save huge to " + path + ": the TIFF would be 400.1 GB"), e.getMessage());
        assertTrue(e.getMessage().contains("GB free"), e.getMessage());
        assertFalse(Files.exists(path), "nothing written");
        grid.drop("huge");
    }
}
