package org.gridstack.plugin;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.ImagePlus;
import ij.io.Opener;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gridstack.PlainDft;
import org.gridstack.zarr.ZarrArray;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.Context;
import org.scijava.module.ModuleService;
import org.scijava.script.ScriptService;

/**
 * The whole seed pipeline three ways: the ImageJ macro headless through the launcher, checked file by file against
 * straightforward computations written here; then the Groovy and Jython scripts through SciJava's ScriptService,
 * whose files must equal the macro's.
 */
class SeedPipelineIT {
    /** Frames of 400 x 1200: about 34 to a 16 MB chunk, so the 37 frames make two chunks. */
    private static final int T = 37, H = 400, W = 1200, CROP = 32;
    private static DriftingStack stack;
    private static Path root;
    private static Path macroOut;
    private static String pattern;

    @BeforeAll
    static void runMacro(@TempDir Path dir) throws Exception {
        root = dir;
        stack = new DriftingStack(T, H, W);
        assertTrue((16L << 20) / ((long) H * W) < T, "the stack spans several chunks");
        pattern = stack.writeTiffs(dir.resolve("data"));
        macroOut = dir.resolve("macro");
        HeadlessLauncherIT.Run run = HeadlessLauncherIT.launcher("--headless", "-macro", "macros/seed_pipeline.ijm",
                "input=" + pattern + " output=" + macroOut + " crop=" + CROP + " format=tiff");
        assertEquals(0, run.exit, run.output);
    }

    private static int px(int t, int r, int c) {
        return stack.frame(t)[r * W + c] & 0xff;
    }

    /** Centroid (x = row, y = col) and clamped window origin of frame t, straight from the README's numerical contract. */
    private static double[] window(int t) {
        long total = 0, sx = 0, sy = 0;
        for (int r = 0; r < H; r++) {
            for (int c = 0; c < W; c++) {
                long v = px(t, r, c);
                total += v;
                sx += r * v;
                sy += c * v;
            }
        }
        double x = total > 0 ? (double) sx / (double) total : 0.0;
        double y = total > 0 ? (double) sy / (double) total : 0.0;
        int half = CROP / 2;
        int xi = Math.min(Math.max((int) x, half), H - half);
        int yi = Math.min(Math.max((int) y, half), W - half);
        return new double[] {x, y, xi - half, yi - half};
    }

    private static ImagePlus open(Path file) {
        ImagePlus imp = new Opener().openImage(file.toString());
        assertTrue(imp != null, "opens " + file);
        return imp;
    }

    @Test
    void meanAndBrightnessAreExact() throws Exception {
        ImagePlus mean = open(macroOut.resolve("mean_time.tif"));
        for (int r = 0; r < H; r++) {
            for (int c = 0; c < W; c++) {
                long sum = 0;
                for (int t = 0; t < T; t++) sum += px(t, r, c);
                assertEquals((float) ((double) sum / T), mean.getProcessor().getf(c, r), 0f);
            }
        }
        List<String> csv = Files.readAllLines(macroOut.resolve("brightness.csv"));
        for (int t = 0; t < T; t++) {
            long sum = 0;
            for (byte b : stack.frame(t)) sum += b & 0xff;
            assertEquals(t + "," + Double.toString((double) sum / (H * W)), csv.get(t + 1));
        }
    }

    @Test
    void centroidsWindowsAndRecenteredPixelsAreExact() throws Exception {
        List<String> csv = Files.readAllLines(macroOut.resolve("centroids.csv"));
        assertEquals("slice,x_row,y_col,row0,col0", csv.get(0));
        ImagePlus recentered = open(macroOut.resolve("recentered.tif"));
        assertEquals(T, recentered.getStackSize());
        assertEquals(8, recentered.getBitDepth());
        ImagePlus recenteredMean = open(macroOut.resolve("recentered_mean.tif"));
        long[] sums = new long[CROP * CROP];
        boolean topLeft = false, bottomRight = false;
        for (int t = 0; t < T; t++) {
            double[] w = window(t);
            topLeft |= w[2] == 0 && w[3] == 0;
            bottomRight |= w[2] == H - CROP && w[3] == W - CROP;
            assertEquals(t + "," + Double.toString(w[0]) + "," + Double.toString(w[1]) + "," + (int) w[2] + "," + (int) w[3], csv.get(t + 1));
            byte[] slice = (byte[]) recentered.getStack().getProcessor(t + 1).getPixels();
            for (int r = 0; r < CROP; r++) {
                for (int c = 0; c < CROP; c++) {
                    int expected = px(t, (int) w[2] + r, (int) w[3] + c);
                    assertEquals(expected, slice[r * CROP + c] & 0xff, "t=" + t + " r=" + r + " c=" + c);
                    sums[r * CROP + c] += expected;
                }
            }
        }
        for (int i = 0; i < sums.length; i++) {
            assertEquals((float) ((double) sums[i] / T), recenteredMean.getProcessor().getf(i), 0f);
        }
        assertTrue(topLeft && bottomRight, "windows clamped at both edges");
    }

    @Test
    void powerMatchesAPlainDft() {
        ImagePlus power = open(macroOut.resolve("power.tif"));
        assertEquals(T, power.getStackSize());
        assertEquals(32, power.getBitDepth());
        ImagePlus recentered = open(macroOut.resolve("recentered.tif"));
        for (int i = 0; i < CROP * CROP; i++) {
            double[] x = new double[T];
            for (int t = 0; t < T; t++) x[t] = ((byte[]) recentered.getStack().getPixels(t + 1))[i] & 0xff;
            double[] expected = PlainDft.power(x);
            for (int k = 0; k < T; k++) {
                float actual = ((float[]) power.getStack().getPixels(k + 1))[i];
                assertEquals(expected[k], actual, 1e-6 * expected[0] + 1e-3, "pixel " + i + " k=" + k);
            }
        }
    }

    @Test
    void byDefaultTheStackSizedResultsAreOmeZarrWithTheTiffsValues() throws Exception {
        Path zarrOut = root.resolve("macro-zarr");
        for (int run = 0; run < 2; run++) { // a second run replaces the first one's Zarr folders
            HeadlessLauncherIT.Run r = HeadlessLauncherIT.launcher("--headless", "-macro", "macros/seed_pipeline.ijm",
                    "input=" + pattern + " output=" + zarrOut + " crop=" + CROP);
            assertEquals(0, r.exit, r.output);
        }
        ImagePlus recentered = open(macroOut.resolve("recentered.tif"));
        ZarrArray zarr = ZarrArray.open(zarrOut.resolve("recentered.zarr").resolve("0"));
        assertArrayEquals(new long[] {T, CROP, CROP}, zarr.header().shape());
        long chunks = zarr.chunkGridShape()[0];
        int depth = zarr.header().chunks()[0];
        for (long c = 0; c < chunks; c++) {
            byte[] chunk = (byte[]) zarr.readChunkInside(new long[] {c, 0, 0});
            for (int t = 0; t < chunk.length / (CROP * CROP); t++) {
                byte[] slice = (byte[]) recentered.getStack().getPixels((int) (c * depth) + t + 1);
                assertArrayEquals(slice, java.util.Arrays.copyOfRange(chunk, t * CROP * CROP, (t + 1) * CROP * CROP), "frame " + (c * depth + t));
            }
        }
        assertTrue(Files.isDirectory(zarrOut.resolve("power.zarr").resolve("0")));
    }

    @Test
    void plotsAndTimingsAreWritten() throws Exception {
        for (String png : new String[] {"brightness.png", "spectrum_corner.png", "spectrum_center.png"}) {
            ImagePlus plot = open(macroOut.resolve(png));
            assertTrue(plot.getWidth() > 300 && plot.getStatistics().stdDev > 0, png + " is a non-blank plot");
        }
        List<String> timings = Files.readAllLines(macroOut.resolve("timings.csv"));
        assertEquals("stage,seconds,mb_per_s", timings.get(0));
        String[] stages = {"load+persist", "mean over time", "slice means", "recenter", "rechunk+fft"};
        for (int i = 0; i < stages.length; i++) {
            String[] row = timings.get(i + 1).split(",");
            assertEquals(stages[i], row[0]);
            assertTrue(Double.parseDouble(row[1]) >= 0 && Double.parseDouble(row[2]) > 0, timings.get(i + 1));
        }
    }

    @Test
    void groovyAndJythonScriptsWriteTheMacrosFiles() throws Exception {
        Context context = new Context(ScriptService.class, ModuleService.class, GridService.class);
        try {
            for (String script : new String[] {"seed_pipeline.groovy", "seed_pipeline.py"}) {
                Path out = root.resolve(script.replace('.', '_'));
                Map<String, Object> inputs = new HashMap<>();
                inputs.put("input", pattern);
                inputs.put("first", 0);
                inputs.put("last", -1);
                inputs.put("output", out.toFile());
                inputs.put("crop", CROP);
                inputs.put("block", script.endsWith(".py") ? 7 : 0);
                context.service(ScriptService.class).run(new File("../scripts/" + script), true, inputs).get();
                for (String csv : new String[] {"brightness.csv", "centroids.csv"}) {
                    assertEquals(Files.readAllLines(macroOut.resolve(csv)), Files.readAllLines(out.resolve(csv)), script + " " + csv);
                }
                for (String tif : new String[] {"mean_time.tif", "recentered.tif", "recentered_mean.tif", "power.tif"}) {
                    ImagePlus expected = open(macroOut.resolve(tif)), actual = open(out.resolve(tif));
                    assertEquals(expected.getStackSize(), actual.getStackSize(), script + " " + tif);
                    for (int s = 1; s <= expected.getStackSize(); s++) {
                        Object e = expected.getStack().getPixels(s), a = actual.getStack().getPixels(s);
                        if (e instanceof float[]) assertArrayEquals((float[]) e, (float[]) a, 0f, script + " " + tif + " slice " + s);
                        else assertArrayEquals((byte[]) e, (byte[]) a, script + " " + tif + " slice " + s);
                    }
                }
                assertEquals(6, Files.readAllLines(out.resolve("timings.csv")).size(), script + " timings.csv");
                assertTrue(Files.size(out.resolve("spectrum_center.png")) > 1000, script + " spectrum plot");
            }
        } finally {
            context.dispose();
        }
    }
}
