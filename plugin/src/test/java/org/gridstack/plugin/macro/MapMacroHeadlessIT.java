package org.gridstack.plugin.macro;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.plugin.filter.GaussianBlur;
import ij.process.ByteProcessor;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.gridstack.plugin.HeadlessLauncherIT;
import org.gridstack.sample.SyntheticStack;
import org.gridstack.zarr.ZarrArray;
import org.gridstack.zarr.ZarrGroup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Grid Map Macro and Grid Measure Macro as users run them: an ImageJ macro in the headless launcher (a fresh JVM,
 * the real macro interpreter) naming the user's macro files; results checked against ImageJ's own filter code and
 * hand-computed values, failures by exit status and message.
 */
class MapMacroHeadlessIT {
    private static final int T = 20, H = 48, W = 64;

    @TempDir
    Path dir;

    @Test
    void aMacroMapsAndMeasuresEverySlice() throws Exception {
        SyntheticStack stack = new SyntheticStack(T, H, W, 8);
        String pattern = stack.writeTiffs(dir.resolve("data"));
        Path blur = Files.writeString(dir.resolve("blur.ijm"), "run(\"Gaussian Blur...\", \"sigma=2\");\n");
        Path measure = Files.writeString(dir.resolve("measure.ijm"), "setResult(\"Mean\", nResults, getValue(\"Mean\"));\n");
        Path out = dir.resolve("blurred.zarr"), csv = dir.resolve("means.csv");
        Path driver = Files.writeString(dir.resolve("driver.ijm"), String.join("\n",
                "run(\"Open Grid Stack...\", \"source=[" + pattern + "] name=em frames=5\");",
                "run(\"Grid Map Macro...\", \"name=em macro=[" + blur + "] target=em_blur\");",
                "run(\"Save Grid Stack...\", \"name=em_blur path=[" + out + "] format=Zarr\");",
                "run(\"Grid Measure Macro...\", \"name=em macro=[" + measure + "] csv=[" + csv + "]\");",
                "print(\"rows=\" + nResults + \" mean7=\" + d2s(getResult(\"Mean\", 7), 6));", ""));
        HeadlessLauncherIT.Run run = HeadlessLauncherIT.launcher("--headless", "-macro", driver.toString());
        assertEquals(0, run.exit, run.output);

        ZarrArray saved = ZarrGroup.open(out).openArray("0");
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (long c = 0; c < saved.chunkGridShape()[0]; c++) all.write((byte[]) saved.readChunkInside(new long[] {c, 0, 0}));
        byte[] pixels = all.toByteArray();
        assertEquals(T * H * W, pixels.length);
        double mean7 = 0;
        for (int t = 0; t < T; t++) {
            ByteProcessor expected = new ByteProcessor(W, H, stack.frame(t));
            new GaussianBlur().blurGaussian(expected, 2, 2, 0.002);
            byte[] got = java.util.Arrays.copyOfRange(pixels, t * H * W, (t + 1) * H * W);
            assertArrayEquals((byte[]) expected.getPixels(), got, "slice " + (t + 1));
            if (t == 7) for (byte b : stack.frame(t)) mean7 += (b & 0xff) / (double) (H * W);
        }
        assertTrue(run.output.contains(String.format(java.util.Locale.ROOT, "rows=%d mean7=%.6f", T, mean7)), run.output);
        List<String> lines = Files.readAllLines(csv);
        assertEquals("slice,Mean", lines.get(0));
        assertEquals(T + 1, lines.size());
        assertTrue(lines.get(8).startsWith("8,"), lines.get(8));
    }

    @Test
    void aMacroFailingOnOneSliceFailsTheRunNamingTheSliceAndLine() throws Exception {
        String pattern = new SyntheticStack(T, H, W, 9).writeTiffs(dir.resolve("data"));
        Path bad = Files.writeString(dir.resolve("bad.ijm"), "run(\"Invert\");\nif (getTitle() == \"slice 13\")\n  x = nowhere;\n");
        Path driver = Files.writeString(dir.resolve("driver.ijm"), String.join("\n",
                "run(\"Open Grid Stack...\", \"source=[" + pattern + "] name=em\");",
                "run(\"Grid Map Macro...\", \"name=em macro=[" + bad + "]\");",
                "print(\"after the map\");", ""));
        HeadlessLauncherIT.Run run = HeadlessLauncherIT.launcher("--headless", "-macro", driver.toString());
        assertEquals(1, run.exit, run.output);
        assertTrue(run.output.contains("slice 13: macro 'bad.ijm' failed: Undefined variable in line 3"), run.output);
        assertFalse(run.output.contains("after the map"), run.output);
        assertFalse(run.output.contains("x = <nowhere>"), "the lane's own error print is not shown twice:\n" + run.output);
    }
}
