package org.gridstack.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.process.FloatProcessor;
import ij.process.ImageProcessor;
import net.imglib2.RandomAccess;
import net.imglib2.img.Img;
import net.imglib2.type.numeric.RealType;
import org.gridstack.GridStack;
import org.gridstack.array.ArrayMeta;
import org.gridstack.array.DataType;
import org.gridstack.base.Progress;
import org.gridstack.ops.project.Projection;
import org.gridstack.plugin.ij1.GridVirtualStack;
import org.gridstack.plugin.imglib.GridImgs;
import org.gridstack.plugin.pixels.PixelType;
import org.gridstack.source.SliceFormat;
import org.gridstack.source.SliceSource;
import org.junit.jupiter.api.Test;

/**
 * Signed stacks in ImageJ and ImgLib2: INT16 shows in a 32-bit FloatProcessor holding the stored values exactly (-5
 * is -5, not 32763 or 65531), INT32 as the nearest floats; the ImgLib2 view is ShortType / IntType with the exact values.
 */
class SignedPixelViewsTest {
    private static final int T = 4, H = 6, W = 9;

    /** Pixel (t, r, c) of a small signed stack: the type's extremes, -5 and values around zero. */
    static final class Signed implements SliceSource {
        private static final long serialVersionUID = 1L;
        private final DataType type;

        Signed(DataType type) {
            this.type = type;
        }

        long value(int t, int i) {
            long max = type == DataType.INT16 ? Short.MAX_VALUE : Integer.MAX_VALUE;
            long min = type == DataType.INT16 ? Short.MIN_VALUE : Integer.MIN_VALUE;
            switch ((i + t) % 5) {
                case 0: return -5;
                case 1: return max;
                case 2: return min;
                case 3: return 123 * (t - 2);
                default: return -(i * 37L + t);
            }
        }

        @Override
        public int size() {
            return T;
        }

        @Override
        public String where(int t) {
            return "signed frame " + t;
        }

        @Override
        public SliceFormat probe() {
            return new SliceFormat(W, H, type);
        }

        @Override
        public void read(int t0, int count, SliceFormat format, Object dest) {
            for (int k = 0; k < count; k++) {
                for (int i = 0; i < H * W; i++) {
                    long v = value(t0 + k, i);
                    if (dest instanceof short[]) ((short[]) dest)[k * H * W + i] = (short) v;
                    else ((int[]) dest)[k * H * W + i] = (int) v;
                }
            }
        }

        @Override
        public String describe() {
            return "signed test stack";
        }
    }

    @Test
    void signedStacksShowTheirStoredValues() {
        GridStack grid = GridStack.embedded();
        for (DataType type : new DataType[] {DataType.INT16, DataType.INT32}) {
            Signed src = new Signed(type);
            String name = "signed-" + type;
            ArrayMeta meta = grid.open(name, src, 3);
            GridVirtualStack virtual = new GridVirtualStack(grid, meta);
            assertEquals(32, virtual.getBitDepth());
            for (int t = 0; t < T; t++) {
                ImageProcessor ip = virtual.getProcessor(t + 1);
                assertTrue(ip instanceof FloatProcessor, type + " shows as " + ip.getClass().getSimpleName());
                for (int i = 0; i < H * W; i++) {
                    assertEquals((float) src.value(t, i), ip.getf(i % W, i / W), type + " frame " + t + " pixel " + i);
                }
            }
            assertEquals(-5f, virtual.getProcessor(1).getf(0, 0));

            Img<? extends RealType<?>> img = GridImgs.lazy(grid, name);
            RandomAccess<? extends RealType<?>> ra = img.randomAccess();
            for (int t = 0; t < T; t++) {
                for (int i = 0; i < H * W; i++) {
                    ra.setPosition(new long[] {i % W, i / W, t});
                    assertEquals((double) src.value(t, i), ra.get().getRealDouble(), type + " ImgLib2 pixel " + i);
                }
            }

            // Max keeps the type (as the projection window does), and shows the stored maxima
            double[] max = grid.project(name, Projection.MAX, Progress.NONE);
            PixelType pixels = PixelType.of(type);
            ImageProcessor ip = pixels.processor(pixels.fromDoubles(max), W, H);
            for (int i = 0; i < H * W; i++) {
                long m = Long.MIN_VALUE;
                for (int t = 0; t < T; t++) m = Math.max(m, src.value(t, i));
                assertEquals((float) m, ip.getf(i % W, i / W), type + " max of pixel " + i);
            }
            grid.drop(name);
        }
    }
}
