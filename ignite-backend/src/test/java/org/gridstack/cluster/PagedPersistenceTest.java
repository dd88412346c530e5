package org.gridstack.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.gridstack.GridStack;
import org.gridstack.array.ArrayMeta;
import org.gridstack.grid.ConnectOptions;
import org.gridstack.grid.GridCaches;
import org.apache.ignite.cache.PartitionLossPolicy;
import org.apache.ignite.configuration.CacheConfiguration;
import org.gridstack.GridConnection;
import org.gridstack.base.Progress;
import org.gridstack.ops.project.Projection;
import org.gridstack.ops.recenter.CropWindows;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

/**
 * Native persistence with a data region four times smaller than the array: a 1 GiB uint8 stack (1024 x 1024 x 1024)
 * in a 256 MB region pages to disk, and persist, projection, slice means, recenter, rechunk and FFT power all still
 * work, with exact values. About a minute on 2 cores, and it writes a few GB to the temp folder; skip it with
 * {@code -Dgridstack.bigtests=false}.
 */
@DisabledIfSystemProperty(named = "gridstack.bigtests", matches = "false")
class PagedPersistenceTest {
    static final int T = 1024, H = 1024, W = 1024;

    @Test
    void arrayFourTimesTheRegionPagesToDiskAndEveryOperationWorks() {
        long t0 = System.nanoTime();
        try (TestCluster cluster = TestCluster.start(1, Map.of("persistence.dir", "per-node", "region.mb", "256", "backups", "0"));
             GridConnection connection = GridConnection.connect(ConnectOptions.to(cluster.addresses()))) {
            GridStack grid = connection.grid();
            step("server up", t0);
            CacheConfiguration<?, ?> chunks = connection.ignite().cache(GridCaches.CHUNKS).getConfiguration(CacheConfiguration.class);
            assertEquals(PartitionLossPolicy.READ_WRITE_SAFE, chunks.getPartitionLossPolicy(),
                    "a persistent cluster's chunk cache reports lost partitions instead of reading them as empty");
            try {
                run(grid);
            } catch (RuntimeException | AssertionError e) {
                String out = cluster.node(0).output();
                System.out.println("PagedPersistenceTest: server output (tail):\n" + out.substring(Math.max(0, out.length() - 6000)));
                throw e;
            }
            step("all", t0);
        }
    }

    private static void run(GridStack grid) {
        {
            RampSource source = new RampSource(T, H, W);
            ArrayMeta meta = grid.open("big", source, 0);
            assertTrue(meta.bytes() >= 4L * (256L << 20), "the array is at least 4x the region");

            long t = System.nanoTime();
            assertEquals((long) T * H * W, grid.persist("big", Progress.NONE));
            step("persist 1 GiB", t);
            assertEquals(meta.grid().chunkCount(), grid.chunksInMemory("big"));

            t = System.nanoTime();
            double[] mean = grid.project("big", Projection.AVERAGE, Progress.NONE);
            step("mean over time", t);
            double[] means = grid.sliceMeans("big", Progress.NONE);
            step("slice means", t);
            double[] expectedMeans = new double[T];
            long[] sums = new long[H * W];
            for (int f = 0; f < T; f++) {
                long frameSum = 0;
                for (int r = 0; r < H; r++) {
                    for (int c = 0; c < W; c++) {
                        int v = source.value(f, r, c);
                        sums[r * W + c] += v;
                        frameSum += v;
                    }
                }
                expectedMeans[f] = (double) frameSum / (double) (H * W);
            }
            double[] expectedMean = new double[H * W];
            for (int i = 0; i < expectedMean.length; i++) expectedMean[i] = (double) sums[i] / (double) T;
            assertArrayEquals(expectedMean, mean);
            assertArrayEquals(expectedMeans, means);

            t = System.nanoTime();
            grid.recenter("big", "rc", Progress.NONE);
            step("recenter", t);
            CropWindows windows = grid.cropWindows("rc");
            int crop = windows.crop();
            for (int f : new int[] {0, 333, T - 1}) {
                byte[] frame = (byte[]) grid.frame("rc", f);
                for (int r = 0; r < crop; r += 37) {
                    for (int c = 0; c < crop; c += 41) {
                        assertEquals(source.value(f, windows.row0(f) + r, windows.col0(f) + c), frame[r * crop + c] & 0xff);
                    }
                }
            }

            t = System.nanoTime();
            grid.rechunk("big", "rr", Progress.NONE);
            step("rechunk", t);
            for (int[] px : new int[][] {{0, 0}, {517, 901}, {H - 1, W - 1}}) {
                double[] series = grid.series("rr", px[0], px[1]);
                for (int f = 0; f < T; f++) assertEquals(source.value(f, px[0], px[1]), (int) series[f]);
            }
            grid.drop("rr");

            t = System.nanoTime();
            // blocks of 64 x 64 pixels (16 MB of float32 each): the server heap is 512 MB, and a finishing FFT block
            // needs several times its size on the heap (see the report on 1 GB heaps and the default 64 MB blocks)
            grid.fftPower("rc", "power", 64, Progress.NONE);
            step("fft power of the recentered array (1 GiB of float32)", t);
            for (int[] px : new int[][] {{0, 0}, {crop / 2, crop / 3}}) {
                double[] x = grid.series("rc", px[0], px[1]);
                double[] p = grid.series("power", px[0], px[1]);
                double dc = 0;
                for (double v : x) dc += v;
                for (int k : new int[] {0, 1, 7, T / 2, T - 1}) {
                    double re = 0, im = 0;
                    for (int n = 0; n < T; n++) {
                        double a = -2 * Math.PI * (((long) k * n) % T) / T;
                        re += x[n] * Math.cos(a);
                        im += x[n] * Math.sin(a);
                    }
                    assertEquals(re * re + im * im, p[k], 1e-6 * dc * dc, "power bin " + k);
                }
            }
        }
    }

    private static void step(String what, long since) {
        System.out.printf("PagedPersistenceTest: %s %.1f s%n", what, (System.nanoTime() - since) / 1e9);
    }
}
