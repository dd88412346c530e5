package org.gridstack;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.gridstack.array.ArrayMeta;
import org.gridstack.array.DataType;
import org.gridstack.base.Progress;
import org.junit.jupiter.api.Test;

class FftPowerTest {
    private final GridStack grid = TestGrid.grid();

    /** Every pixel's spectrum against the reference, within |p - ref| <= 1e-6 ref[0]. */
    private void assertPowerMatchesReference(PatternSource src, int frames, int height, int width, String power) {
        ArrayMeta meta = grid.array(power);
        assertEquals(DataType.FLOAT32, meta.type());
        assertArrayEquals(new long[] {frames, height, width}, meta.grid().shape());
        float[][] bins = new float[frames][];
        for (int k = 0; k < frames; k++) bins[k] = (float[]) grid.frame(power, k);
        for (int r = 0; r < height; r++) {
            for (int c = 0; c < width; c++) {
                double[] x = new double[frames];
                for (int t = 0; t < frames; t++) x[t] = src.value(t, r, c);
                double[] ref = PlainDft.power(x);
                for (int k = 0; k < frames; k++) {
                    double p = bins[k][r * width + c];
                    assertTrue(Math.abs(p - ref[k]) <= 1e-6 * ref[0],
                            "pixel (" + r + ", " + c + ") bin " + k + ": " + p + " vs " + ref[k]);
                }
            }
        }
    }

    @Test
    void primeLengthMatchesThePlainDft() {
        PatternSource src = new PatternSource(137, 7, 5, DataType.UINT16, 9, Set.of(3));
        grid.open("fft-prime", src, 10);
        grid.fftPower("fft-prime", "fft-prime-p", 3, Progress.NONE);
        assertPowerMatchesReference(src, 137, 7, 5, "fft-prime-p");
        grid.drop("fft-prime-p");
        grid.drop("fft-prime");
    }

    @Test
    void thousandFramesMatchThePlainDft() {
        PatternSource src = new PatternSource(1000, 3, 4, DataType.UINT8, 4, Set.of());
        grid.open("fft-1000", src, 64);
        grid.fftPower("fft-1000", "fft-1000-p", 2, Progress.NONE);
        assertPowerMatchesReference(src, 1000, 3, 4, "fft-1000-p");
        grid.drop("fft-1000-p");
        grid.drop("fft-1000");
    }

    @Test
    void shortSeriesOfAnyParityMatchThePlainDft() {
        for (int frames : new int[] {1, 2, 3, 4, 9, 16}) {
            PatternSource src = new PatternSource(frames, 5, 6, DataType.UINT8, frames, Set.of());
            grid.overwriting().open("fft-short", src, 4); // another stack under the same name each time
            grid.fftPower("fft-short", "fft-short-p", 4, Progress.NONE);
            assertPowerMatchesReference(src, frames, 5, 6, "fft-short-p");
        }
        grid.drop("fft-short-p");
        grid.drop("fft-short");
    }

    @Test
    void allZeroPixelsHaveZeroPower() {
        Set<Integer> all = Set.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        grid.open("fft-zero", new PatternSource(11, 4, 4, DataType.UINT8, 1, all), 4);
        grid.fftPower("fft-zero", "fft-zero-p", 2, Progress.NONE);
        for (int k = 0; k < 11; k++) assertArrayEquals(new float[16], (float[]) grid.frame("fft-zero-p", k));
        grid.drop("fft-zero-p");
        grid.drop("fft-zero");
    }

    @Test
    void powerIsIdenticalFromFramesFromBlocksFromTheRecipeAndForAnyLayout() {
        PatternSource src = new PatternSource(50, 21, 17, DataType.UINT16, 6, Set.of(7));
        grid.open("fl-src", src, 6);
        ArrayMeta fused = grid.fftPower("fl-src", "fl-fused", 8, Progress.NONE);
        grid.rechunk("fl-src", "fl-blocks", 8, Progress.NONE);
        grid.fftPower("fl-blocks", "fl-mapped", 8, Progress.NONE);
        for (long i = 0; i < fused.grid().chunkCount(); i++) {
            float[] stored = (float[]) grid.chunk("fl-fused", i);
            assertArrayEquals(stored, (float[]) grid.chunk("fl-mapped", i), "block " + i);
            assertArrayEquals(stored, (float[]) fused.recipe().makeChunk(fused, i, grid::chunk), "block " + i + " remade");
        }
        float[][] first = frames("fl-fused", 50);
        for (int depth : new int[] {1, 50, 64}) {
            grid.open("fl-src", src, depth);
            for (int block : new int[] {1, 5, 32}) {
                grid.fftPower("fl-src", "fl-other", block, Progress.NONE);
                assertArrayEquals(first, frames("fl-other", 50), "depth " + depth + ", block " + block);
            }
        }
        long budget = grid.shuffleBytes();
        try {
            grid.shuffleBytes(1);
            grid.fftPower("fl-src", "fl-other", 4, Progress.NONE);
            assertArrayEquals(first, frames("fl-other", 50), "one block per wave, buffers reused across waves");
        } finally {
            grid.shuffleBytes(budget);
        }
        for (String name : new String[] {"fl-other", "fl-mapped", "fl-blocks", "fl-fused", "fl-src"}) grid.drop(name);
    }

    private float[][] frames(String name, int frames) {
        float[][] all = new float[frames][];
        for (int k = 0; k < frames; k++) all[k] = (float[]) grid.frame(name, k);
        return all;
    }
}
