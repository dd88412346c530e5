package org.gridstack.plugin;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ij.process.ImageProcessor;
import java.nio.file.Path;
import net.imglib2.RandomAccess;
import net.imglib2.img.Img;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import org.gridstack.GridStack;
import org.gridstack.array.ArrayMeta;
import org.gridstack.sample.SyntheticStack;
import org.gridstack.plugin.ij1.GridVirtualStack;
import org.gridstack.plugin.imglib.GridImgs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lazy ImgLib2 image and the ImageJ virtual stack show exactly the source pixels. */
class ImageViewsTest {
    @TempDir
    Path dir;

    @Test
    void lazyCellImageAndVirtualStackShowTheSourcePixels() throws Exception {
        SyntheticStack stack = new SyntheticStack(11, 30, 44, 3);
        GridStack grid = GridStack.embedded();
        ArrayMeta meta = grid.open("views", stack.writeTiffs(dir), 0, -1, 4);

        Img<UnsignedByteType> img = GridImgs.lazy(grid, "views");
        assertArrayEquals(new long[] {44, 30, 11}, img.dimensionsAsLongArray());
        RandomAccess<UnsignedByteType> ra = img.randomAccess();
        for (int t = 0; t < 11; t++) {
            byte[] frame = stack.frame(t);
            for (int y = 0; y < 30; y += 7) {
                for (int x = 0; x < 44; x += 5) {
                    ra.setPosition(new long[] {x, y, t});
                    assertEquals(frame[y * 44 + x] & 0xff, ra.get().get(), "pixel x=" + x + " y=" + y + " t=" + t);
                }
            }
        }

        GridVirtualStack virtual = new GridVirtualStack(grid, meta);
        assertEquals(11, virtual.getSize());
        ImageProcessor ip = virtual.getProcessor(10);
        assertArrayEquals(stack.frame(9), (byte[]) ip.getPixels());
    }
}
