package org.gridstack.plugin;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ij.ImagePlus;
import ij.io.Opener;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.gridstack.plugin.io.UnwritableFolder;
import org.gridstack.sample.SyntheticStack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every bad input through the headless launcher (scripts/gridstack, a JVM per run): exit status 1 and exactly one
 * line on stderr saying why; and a reference array opened before the failure is the same array, frame for frame,
 * after it (the macro goes on after a failure inside eval(), and saves it again).
 */
class StrictInputsIT {
    private static final File ROOT = new File("..").getAbsoluteFile();
    private static final int T = 9, H = 20, W = 24;

    @TempDir
    static Path shared;
    private static String pattern;

    @TempDir
    Path dir;

    static final class Run {
        final int exit;
        final String out;
        final List<String> err;

        Run(int exit, String out, List<String> err) {
            this.exit = exit;
            this.out = out;
            this.err = err;
        }

        @Override
        public String toString() {
            return "exit " + exit + "\nstderr:\n" + String.join("\n", err) + "\nstdout:\n" + out;
        }
    }

    @BeforeAll
    static void data() throws IOException {
        pattern = new SyntheticStack(T, H, W, 7).writeTiffs(shared.resolve("data"));
    }

    private Run launcher(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(new File(ROOT, "scripts/gridstack").getPath());
        command.addAll(Arrays.asList(args));
        Path out = Files.createTempFile(dir, "out", ".txt"), err = Files.createTempFile(dir, "err", ".txt");
        ProcessBuilder pb = new ProcessBuilder(command).directory(ROOT).redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().put("JAVA_OPTS", "-Xmx1g -Dgridstack.region.mb=256");
        Process p = pb.start();
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "launcher finished");
        return new Run(p.exitValue(), Files.readString(out), Files.readAllLines(err, StandardCharsets.UTF_8));
    }

    private Run macro(String code, String args) throws IOException, InterruptedException {
        Path file = Files.createTempFile(dir, "macro", ".ijm");
        Files.writeString(file, code);
        return launcher("--headless", "-macro", file.toString(), args);
    }

    /** Exit 1 and stderr exactly "gridstack: " + message. */
    private static void assertFailed(String message, Run run) {
        assertEquals(1, run.exit, run.toString());
        assertEquals(List.of("gridstack: " + message), run.err, run.toString());
    }

    /**
     * Opens a reference array and saves it, runs {@code failing} (macro code) inside eval(), then saves the
     * reference again and runs one more command: the run fails with {@code message}, the macro went on, and the
     * reference array's frames are what they were.
     */
    private void assertFailsLeavingTheReferenceIntact(String failing, String message) throws Exception {
        assertFailsLeavingTheReferenceIntact(failing, message, false);
    }

    private void assertFailsLeavingTheReferenceIntact(String failing, String message, boolean prefix) throws Exception {
        Path before = dir.resolve("before.tif"), after = dir.resolve("after.tif");
        String code = String.join("\n",
                "run(\"Open Grid Stack...\", \"source=[" + pattern + "] name=ref frames=2\");",
                "run(\"Save Grid Stack...\", \"name=ref path=[" + before + "]\");",
                "eval(\"" + failing.replace("\"", "\\\"") + "\");",
                "run(\"Save Grid Stack...\", \"name=ref path=[" + after + "]\");",
                "print(\"reached the end\");", "");
        Run run = macro(code, "");
        if (prefix) {
            assertEquals(1, run.exit, run.toString());
            assertTrue(run.err.size() == 1 && run.err.get(0).startsWith("gridstack: " + message), run.toString());
        } else {
            assertFailed(message, run);
        }
        assertTrue(run.out.contains("reached the end"), "the macro went on after the failure inside eval(): " + run);
        ImagePlus a = new Opener().openImage(before.toString()), b = new Opener().openImage(after.toString());
        assertEquals(T, b.getStackSize(), "after.tif");
        for (int t = 1; t <= T; t++) {
            assertArrayEquals((byte[]) a.getStack().getPixels(t), (byte[]) b.getStack().getPixels(t), "frame " + t + " of the reference array");
        }
    }

    @Test
    void aBlankTargetTakenByAnUnrelatedArrayGetsAFreshName() throws Exception {
        Path before = dir.resolve("taken_before.tif"), after = dir.resolve("taken_after.tif"), power = dir.resolve("power.tif");
        Path names = dir.resolve("names.txt");
        String code = String.join("\n",
                "run(\"Open Grid Stack...\", \"source=[" + pattern + "] name=ref frames=2\");",
                "run(\"Open Grid Stack...\", \"source=[" + pattern + "] name=ref_power frames=3\");",
                "run(\"Save Grid Stack...\", \"name=ref_power path=[" + before + "]\");",
                "run(\"Grid FFT Power...\", \"name=ref\");",
                "run(\"Grid FFT Power...\", \"name=ref\");",
                "run(\"Save Grid Stack...\", \"name=ref_power path=[" + after + "]\");",
                "run(\"Save Grid Stack...\", \"name=ref_power-1 path=[" + power + "]\");",
                "run(\"Grid Status\");",
                "s = \"\"; for (i = 0; i < nResults; i++) s = s + Table.getString(\"array\", i) + \"\\n\";",
                "File.saveString(s, \"" + names + "\");", "");
        Run run = macro(code, "");
        assertEquals(0, run.exit, run.toString());
        assertEquals(List.of("ref", "ref_power", "ref_power-1"), Files.readAllLines(names).stream().sorted().collect(java.util.stream.Collectors.toList()),
                "the second run replaced its own result instead of making ref_power-2");
        ImagePlus a = new Opener().openImage(before.toString()), b = new Opener().openImage(after.toString());
        for (int t = 1; t <= T; t++) {
            assertArrayEquals((byte[]) a.getStack().getPixels(t), (byte[]) b.getStack().getPixels(t), "frame " + t + " of ref_power");
        }
        ImagePlus p = new Opener().openImage(power.toString());
        assertEquals(32, p.getBitDepth(), "ref_power-1 is the FFT power");
        assertEquals(T, p.getStackSize());
    }

    @Test
    void unknownChoice() throws Exception {
        assertFailsLeavingTheReferenceIntact("run('Grid Z Project...', 'name=ref projection=max');",
                "Grid Z Project...: projection (max) must be one of: Average Intensity, Max Intensity, Min Intensity, Sum Slices, Standard Deviation");
    }

    @Test
    void nonNumericNumber() throws Exception {
        // the same name as the reference: the failed Open must not replace it
        assertFailsLeavingTheReferenceIntact("run('Open Grid Stack...', 'source=[" + pattern + "] name=ref frames=abc');",
                "Open Grid Stack...: frames (abc) must be a whole number from 0 to 2147483647");
    }

    @Test
    void fractionalWholeNumber() throws Exception {
        assertFailsLeavingTheReferenceIntact("run('Open Grid Stack...', 'source=[" + pattern + "] name=ref first=2.7');",
                "Open Grid Stack...: first (2.7) must be a whole number from 0 to 2147483647");
    }

    @Test
    void outOfRangeNumber() throws Exception {
        assertFailsLeavingTheReferenceIntact("run('Grid Recenter...', 'name=ref crop=1e10 target=ref');",
                "Grid Recenter...: crop (1e10) must be a whole number from 2 to 2147483647, or blank to choose automatically");
    }

    @Test
    void unwritableCsv() throws Exception {
        Path folder = UnwritableFolder.in(dir);
        Path csv = folder.resolve("means.csv");
        String reason = UnwritableFolder.openError(csv);
        assertFalse(reason.contains("No such file"), reason);
        assertFailsLeavingTheReferenceIntact("run('Grid Slice Means...', 'name=ref csv=[" + csv + "]');",
                "Grid Slice Means...: cannot write " + csv + ": " + reason);
    }

    @Test
    void csvOnAFullDisk() throws Exception {
        assumeTrue(Files.exists(Paths.get("/dev/full")), "/dev/full exists (Linux)");
        assertFailsLeavingTheReferenceIntact("run('Grid Slice Means...', 'name=ref csv=[/dev/full]');",
                "Grid Slice Means...: cannot write /dev/full: No space left on device");
        assertTrue(Files.exists(Paths.get("/dev/full")), "/dev/full is still there");
    }

    @Test
    void tiffOnAFullDisk() throws Exception {
        assumeTrue(Files.exists(Paths.get("/dev/full")), "/dev/full exists (Linux)");
        // Save Grid Stack writes through ImageJ's FileSaver, which reports the error itself: folded into one line
        assertFailsLeavingTheReferenceIntact("run('Save Grid Stack...', 'name=ref path=[/dev/full]');",
                "Macro Error: File saving error (IOException): \"No space left on device\" /dev/full in line 1: ", true);
    }

    @Test
    void blankSavePath() throws Exception {
        assertFailsLeavingTheReferenceIntact("run('Save Grid Stack...', 'name=ref path=[]');",
                "Save Grid Stack...: path is required (path of the file (TIFF) or new folder (Zarr) to write): give path=...");
    }

    @Test
    void aFailedCommandFollowedByAGoodOneStillFailsTheRun() throws Exception {
        Path out = dir.resolve("generated");
        Run run = macro(String.join("\n",
                "eval(\"run('Grid Z Project...', 'name=nothing');\");",
                "run(\"Generate Synthetic Stack...\", \"folder=[" + out + "] slices=2 height=8 width=8\");", ""), "");
        assertFailed("Grid Z Project...: no grid array named 'nothing'", run);
        assertTrue(Files.exists(out.resolve("slice_00001.tif")), "the good command ran: " + run);
    }

    @Test
    void aFailedCommandStopsTheMacroWithOneLine() throws Exception {
        Run direct = launcher("--headless", "--run", "Grid Z Project...", "name=ref projection=[Average Intensty]");
        assertFailed("Grid Z Project...: projection (Average Intensty) must be one of: Average Intensity, Max Intensity, "
                + "Min Intensity, Sum Slices, Standard Deviation", direct);
        Run stopped = macro("run(\"Grid Z Project...\", \"name=nothing\");\nprint(\"not reached\");\n", "");
        assertFailed("Grid Z Project...: no grid array named 'nothing'", stopped);
        assertFalse(stopped.out.contains("not reached"), stopped.toString());
    }

    @Test
    void syntaxErrors() throws Exception {
        assertFailed("Macro Error: Number or numeric function expected in line 2: x = 1 + <;>", macro("print(\"a\");\nx = 1 +;\n", ""));
        // ImageJ itself prints nothing for this one
        assertFailed("Macro Error: '}' expected", macro("function f() {\n  print(\"a\");\n", ""));
        assertFailed("Macro Error: Number or numeric function expected in line 2 (called from line 5): x = 1 + <;>",
                macro("function f() {\n  x = 1 +;\n}\nprint(\"a\");\nf();\n", ""));
        // a syntax error inside eval() does not stop the macro, but fails the run
        Run inEval = macro("eval(\"y = 2 *;\");\nprint(\"went on\");\n", "");
        assertFailed("Macro Error: Number or numeric function expected in line 1: y = 2 * <;>", inEval);
        assertTrue(inEval.out.contains("went on"), inEval.toString());
    }

    @Test
    void missingOrUnknownMacroArguments() throws Exception {
        String usage = "seed_pipeline.ijm takes input=<folder or pattern> output=<folder> [first=0] [last=-1] [crop=] [block=] "
                + "[save=all|small] [format=zarr|tiff]; put a value with spaces in [brackets]";
        Path out = dir.resolve("out");
        assertFailed("input= is required; " + usage, launcher("--headless", "-macro", "macros/seed_pipeline.ijm", "output=[" + out + "]"));
        assertFailed("input= is required; " + usage, launcher("--headless", "-macro", "macros/seed_pipeline.ijm"));
        assertFailed("unknown key 'croop' (the keys are: input, output, first, last, crop, block, save, format); " + usage,
                launcher("--headless", "-macro", "macros/seed_pipeline.ijm", "input=[" + pattern + "] output=[" + out + "] croop=8"));
        assertFailed("output= is required; project_stack.ijm takes source=<folder, pattern or TIFF> output=<folder> [first=0] "
                + "[last=-1] [name=stack]; put a value with spaces in [brackets]",
                launcher("--headless", "-macro", "macros/project_stack.ijm", "source=[" + pattern + "]"));
        assertFalse(Files.exists(out), "nothing written");
    }

    @Test
    void anOutputPathWithASpaceIsUsedAsGiven() throws Exception {
        Path out = dir.resolve("results/run 1");
        Run seed = launcher("--headless", "-macro", "macros/seed_pipeline.ijm",
                "input=[" + pattern + "] output=[" + out + "] crop=8 save=small");
        assertEquals(0, seed.exit, seed.toString());
        assertEquals(List.of(), seed.err, seed.toString());
        for (String f : new String[] {"mean_time.tif", "brightness.csv", "brightness.png", "centroids.csv", "recentered_mean.tif",
            "spectrum_corner.png", "spectrum_center.png", "timings.csv"}) {
            assertTrue(Files.size(out.resolve(f)) > 0, f + " in " + out);
        }
        assertFalse(Files.exists(dir.resolve("results/run")), "nothing in results/run");

        Path projected = dir.resolve("project out/a b");
        Run project = launcher("--headless", "-macro", "macros/project_stack.ijm",
                "source=[" + pattern + "] output=[" + projected + "] name=[my em]");
        assertEquals(0, project.exit, project.toString());
        assertTrue(Files.exists(projected.resolve("mean_time.tif")) && Files.exists(projected.resolve("brightness.csv")), project.toString());
    }
}
