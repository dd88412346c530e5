package org.gridstack;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Stream;
import org.gridstack.array.ArrayMeta;
import org.gridstack.array.DataType;
import org.gridstack.base.Progress;
import org.gridstack.grid.GridCaches;
import org.gridstack.store.ChunkStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * FFT power is stored as bins 0..T/2 only (power[k] = power[T-k] for a real series), in memory and in spill files,
 * and read back as all T bins, equal to a plain DFT.
 */
class MirroredPowerTest {
    @TempDir
    Path work;

    private static double[] plainDftPower(PatternSource src, int frames, int r, int c) {
        double[] x = new double[frames];
        for (int t = 0; t < frames; t++) x[t] = src.value(t, r, c);
        return PlainDft.power(x);
    }

    private static void assertSeriesIsThePlainDft(GridStack grid, String power, PatternSource src, int frames, int r, int c) {
        double[] ref = plainDftPower(src, frames, r, c), got = grid.series(power, r, c);
        for (int k = 0; k < frames; k++) {
            assertTrue(Math.abs(got[k] - ref[k]) <= 1e-6 * ref[0], "pixel (" + r + ", " + c + ") bin " + k + ": " + got[k] + " vs " + ref[k]);
        }
    }

    @Test
    void inMemoryOnlyTheLowerHalfOfTheBinsIsKept() {
        try (SeparateGrid sep = new SeparateGrid("mirrored-mem", 1, 256L << 20, work)) {
            GridStack grid = sep.grid;
            for (int frames : new int[] {101, 100, 2, 1}) {
                PatternSource src = new PatternSource(frames, 24, 20, DataType.UINT8, 3, Set.of(1));
                grid.open("src" + frames, src, 7);
                ArrayMeta power = grid.fftPower("src" + frames, "p" + frames, 8, Progress.NONE);
                assertTrue(power.isMirroredInTime(), power.toString());
                assertFalse(power.spills(), power.toString());
                for (long i = 0; i < power.grid().chunkCount(); i++) {
                    int[] extent = power.grid().extent(i);
                    Object stored = sep.node(0).cache(GridCaches.CHUNKS).get(ChunkStore.key(power, i));
                    assertEquals((frames / 2 + 1) * extent[1] * extent[2], ((float[]) stored).length, "T=" + frames + ", block " + i + " as stored");
                    assertEquals(frames * extent[1] * extent[2], ((float[]) grid.chunk(power, i)).length, "T=" + frames + ", block " + i + " as read");
                }
                assertEquals((long) (frames / 2 + 1) * 24 * 20 * 4, power.storedBytes());
                for (int[] px : new int[][] {{0, 0}, {5, 9}, {23, 19}, {17, 3}}) assertSeriesIsThePlainDft(grid, "p" + frames, src, frames, px[0], px[1]);
                for (int k = 1; k < frames; k++) {
                    assertArrayEquals((float[]) grid.frame("p" + frames, frames - k), (float[]) grid.frame("p" + frames, k), "T=" + frames + ": bin " + k + " mirrors bin " + (frames - k));
                }
            }
        }
    }

    @Test
    void spilledPowerFilesHoldHalfTheBinsAndReadBackWhole() throws IOException {
        int frames = 400, size = 256;
        PatternSource src = new PatternSource(frames, size, size, DataType.UINT8, 11, Set.of(7));
        try (SeparateGrid small = new SeparateGrid("mirrored-spill", 1, 64L << 20, work)) {
            GridStack grid = small.grid;
            grid.open("src", src, 40);
            ArrayMeta power = grid.fftPower("src", "power", 64, Progress.NONE);
            assertTrue(power.spills(), "105 MB of power (53 MB stored) in a 64 MB region spills: " + power);
            Path files = work.resolve("node0").resolve("gridstack-spill").resolve("chunks").resolve(power.id());
            assertEquals(power.storedBytes(), folderBytes(files), "the spill files hold bins 0..T/2");
            assertEquals((long) (frames / 2 + 1) * size * size * 4, power.storedBytes());

            for (int[] px : new int[][] {{0, 0}, {100, 200}, {255, 255}}) assertSeriesIsThePlainDft(grid, "power", src, frames, px[0], px[1]);
            float[] across = (float[]) grid.frames("power", 150, 100);
            for (int k = 150; k < 250; k++) {
                float[] one = (float[]) grid.frame("power", k), mirror = (float[]) grid.frame("power", frames - k);
                assertArrayEquals(mirror, one, "bin " + k + " read from the file as bin " + (frames - k));
                float[] part = new float[size * size];
                System.arraycopy(across, (k - 150) * size * size, part, 0, part.length);
                assertArrayEquals(one, part, "bin " + k + " of a run of frames across T/2");
            }
        }
    }

    private static long folderBytes(Path folder) throws IOException {
        try (Stream<Path> paths = Files.list(folder)) {
            return paths.mapToLong(p -> p.toFile().length()).sum();
        }
    }
}
