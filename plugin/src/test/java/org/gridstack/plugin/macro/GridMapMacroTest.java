package org.gridstack.plugin.macro;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.plugin.filter.GaussianBlur;
import ij.process.ByteProcessor;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import org.gridstack.GridStack;
import org.gridstack.array.DataType;
import org.gridstack.base.GridStackException;
import org.gridstack.base.Progress;
import org.gridstack.ops.map.Frames;
import org.gridstack.ops.map.Measurements;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Real ImageJ macros mapped over a multi-chunk stack on the embedded grid, on every core, each checked slice by
 * slice against an independent computation: ImageJ's own filter code called directly, values computed by hand, or
 * the same macro run one slice at a time in a single ImageJ on one thread.
 */
class GridMapMacroTest {
    private static final int T = 36, H = 72, W = 88, PER_CHUNK = 4;
    private static final SyntheticSource SOURCE = new SyntheticSource(T, H, W, 5);

    private static GridStack grid;

    @BeforeAll
    static void open() {
        grid = GridStack.embedded();
        grid.overwriting().open("em", SOURCE, PER_CHUNK);
    }

    @Test
    void gaussianBlurOnEverySliceIsImageJsOwn() {
        grid.overwriting().map("em", "blurred", new MacroMapper(code("run(\"Gaussian Blur...\", \"sigma=2\");"), false), Progress.NONE);
        assertEquals(DataType.UINT8, grid.array("blurred").type());
        for (int t = 0; t < T; t++) {
            ByteProcessor expected = new ByteProcessor(W, H, SOURCE.frame(t));
            new GaussianBlur().blurGaussian(expected, 2, 2, 0.002); // what Process › Filters › Gaussian Blur does to 8-bit
            assertArrayEquals((byte[]) expected.getPixels(), (byte[]) grid.frame("blurred", t), "slice " + (t + 1));
        }
        assertTrue(ImageJLanes.shared().lanesMade() >= Math.min(2, Runtime.getRuntime().availableProcessors()),
                "slices ran in as many ImageJ lanes as cores: " + ImageJLanes.shared().lanesMade());
    }

    @Test
    void thresholdToMaskIsTheHandComputedMask() {
        grid.overwriting().map("em", "mask", new MacroMapper(code("setOption(\"BlackBackground\", true);\n"
                + "setThreshold(120, 255);\nrun(\"Convert to Mask\");"), false), Progress.NONE);
        for (int t = 0; t < T; t++) {
            byte[] in = SOURCE.frame(t), expected = new byte[in.length];
            for (int i = 0; i < in.length; i++) expected[i] = (byte) ((in[i] & 0xff) >= 120 ? 255 : 0);
            assertArrayEquals(expected, (byte[]) grid.frame("mask", t), "slice " + (t + 1));
        }
    }

    /**
     * A macro that leans on ImageJ's global state — a second image, selecting images by title and id, a new image
     * made by the image calculator, closing — run on all cores, equals the same macro run slice after slice in one
     * ImageJ on one thread. Without lanes of their own, concurrent macros share the interpreter's image table and
     * batch mode, and pick up each other's images.
     */
    @Test
    void aMacroUsingImageJsGlobalStateGivesTheSameOnAllCoresAsOnOneThread() {
        String macro = "id = getImageID();\nrun(\"Duplicate...\", \"title=copy\");\nrun(\"Gaussian Blur...\", \"sigma=3\");\n"
                + "imageCalculator(\"Subtract create 32-bit\", id, \"copy\");\nresult = getImageID();\n"
                + "selectImage(\"copy\");\nclose();\nselectImage(id);\nclose();\nselectImage(result);\n"
                + "run(\"Multiply...\", \"value=\" + nImages);";
        grid.overwriting().map("em", "dog", new MacroMapper(code(macro), false), Progress.NONE);
        assertEquals(DataType.FLOAT32, grid.array("dog").type());
        ImageJLanes oneThread = new ImageJLanes(1);
        float[] all = (float[]) grid.frames("dog", 0, T);
        for (int t = 0; t < T; t++) {
            Frames slice = new Frames(DataType.UINT8, t, 1, H, W, SOURCE.frame(t));
            Frames expected = LaneFrames.result(oneThread.run(LaneFrames.call(code(macro), slice, false)), slice, code(macro));
            assertArrayEquals((float[]) expected.pixels(), Arrays.copyOfRange(all, t * H * W, (t + 1) * H * W), "slice " + (t + 1));
        }
    }

    @Test
    void aChunkAsASmallStackSeesItsFramesInOrder() {
        // a macro on a stack: each slice gets its slice number within the chunk added
        String macro = "for (i = 1; i <= nSlices; i++) { setSlice(i); run(\"Add...\", \"value=\" + i + \" slice\"); }";
        grid.overwriting().map("em", "numbered", new MacroMapper(code(macro), true), Progress.NONE);
        for (int t = 0; t < T; t++) {
            byte[] in = SOURCE.frame(t), expected = new byte[in.length];
            for (int i = 0; i < in.length; i++) expected[i] = (byte) Math.min(255, (in[i] & 0xff) + t % PER_CHUNK + 1);
            assertArrayEquals(expected, (byte[]) grid.frame("numbered", t), "slice " + (t + 1));
        }
    }

    @Test
    void aMeasuringMacroGivesARowPerSlice() {
        String macro = "run(\"Set Measurements...\", \"area mean min redirect=None decimal=3\");\nrun(\"Measure\");\n"
                + "getHistogram(values, counts, 256);\nn = 0;\nfor (i = 200; i < 256; i++) n += counts[i];\n"
                + "setResult(\"Bright\", nResults - 1, n);";
        Measurements m = GridMacros.measure(grid, "em", macro);
        assertEquals(T, m.rows().size());
        for (int t = 0; t < T; t++) {
            byte[] in = SOURCE.frame(t);
            long sum = 0, bright = 0;
            int min = 255, max = 0;
            for (byte b : in) {
                int v = b & 0xff;
                sum += v;
                min = Math.min(min, v);
                max = Math.max(max, v);
                if (v >= 200) bright++;
            }
            Measurements.Row row = m.rows().get(t);
            assertEquals(t + 1, row.slice());
            assertEquals((double) W * H, (Double) row.values().get("Area"), 0.0);
            assertEquals((double) sum / (W * H), (Double) row.values().get("Mean"), 1e-9, "slice " + (t + 1));
            assertEquals(min, (Double) row.values().get("Min"), 0.0);
            assertEquals(max, (Double) row.values().get("Max"), 0.0);
            assertEquals(bright, (Double) row.values().get("Bright"), 0.0);
        }
    }

    @Test
    void aGroovyScriptSeesTheSliceAsImp() {
        GridMacros.mapGroovy(grid.overwriting(), "em", "inverted", "imp.getProcessor().invert(); imp");
        for (int t : new int[] {0, 17, T - 1}) {
            byte[] in = SOURCE.frame(t), expected = new byte[in.length];
            for (int i = 0; i < in.length; i++) expected[i] = (byte) (255 - (in[i] & 0xff));
            assertArrayEquals(expected, (byte[]) grid.frame("inverted", t), "slice " + (t + 1));
        }
    }

    @Test
    void aMacroFailingOnOneSliceNamesItAndTheLineAndLosesNothing() {
        grid.overwriting().map("em", "kept", new MacroMapper(code("run(\"Invert\");"), false), Progress.NONE);
        byte[] kept = (byte[]) grid.frames("kept", 0, T);
        String macro = "run(\"Invert\");\nif (getTitle() == \"slice 23\")\n  x = notDefinedAnywhere;\n";
        GridStackException e = assertThrows(GridStackException.class,
                () -> grid.overwriting().map("em", "broken", new MacroMapper(code(macro), false), Progress.NONE));
        assertTrue(e.getMessage().contains("slice 23: macro failed: Undefined variable in line 3"), e.getMessage());
        assertNotNull(grid.array("broken").incompleteNote(), "the result is kept half-made, not as if complete");
        assertArrayEquals(kept, (byte[]) grid.frames("kept", 0, T));
        assertArrayEquals(SOURCE.frame(22), (byte[]) grid.frame("em", 22));
    }

    @Test
    void aSliceOfAnotherSizeIsRefusedNamingIt() {
        String macro = "if (getTitle() == \"slice 9\") run(\"Scale...\", \"x=0.5 y=0.5 interpolation=None create\");";
        GridStackException e = assertThrows(GridStackException.class,
                () -> grid.overwriting().map("em", "uneven", new MacroMapper(code(macro), false), Progress.NONE));
        assertTrue(e.getMessage().contains("slice 9: macro left 8-bit 44x36, but slice 1 gave 8-bit 88x72"), e.getMessage());
    }

    @Test
    void aCancelledMapIsFinishedByRunningItAgain() {
        String macro = "wait(100);\nrun(\"Gaussian Blur...\", \"sigma=1\");"; // 0.4 s a chunk: cancelled well before the end
        AtomicLong seen = new AtomicLong();
        Progress cancelSoon = new Progress() {
            @Override
            public void update(long done, long total, long bytes) {
                seen.set(done);
            }

            @Override
            public boolean isCancelled() {
                return seen.get() >= 1;
            }
        };
        GridStackException e = assertThrows(GridStackException.class,
                () -> grid.overwriting().map("em", "resumed", new MacroMapper(code(macro), false), cancelSoon));
        assertTrue(e.getMessage().startsWith("cancelled"), e.getMessage());
        assertNotNull(grid.array("resumed").incompleteNote());
        long madeBefore = grid.chunksInMemory("resumed");
        assertTrue(madeBefore < T / PER_CHUNK, "stopped early: " + madeBefore);
        grid.map("em", "resumed", new MacroMapper(code(macro), false), Progress.NONE);
        for (int t = 0; t < T; t++) {
            ByteProcessor expected = new ByteProcessor(W, H, SOURCE.frame(t));
            new GaussianBlur().blurGaussian(expected, 1, 1, 0.002);
            assertArrayEquals((byte[]) expected.getPixels(), (byte[]) grid.frame("resumed", t), "slice " + (t + 1));
        }
    }

    private static UserCode code(String text) {
        return new UserCode(UserCode.Language.MACRO, text, null);
    }
}
