package org.gridstack.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.ImagePlus;
import ij.io.Opener;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.gridstack.sample.SyntheticStack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real ImageJ 1 macro interpreter, headless through scripts/gridstack, on the packaged plugin. */
public class HeadlessLauncherIT {
    private static final File ROOT = new File("..").getAbsoluteFile();

    @TempDir
    Path dir;

    public static final class Run {
        public final int exit;
        public final String output;

        Run(int exit, String output) {
            this.exit = exit;
            this.output = output;
        }
    }

    public static Run launcher(String... args) throws IOException, InterruptedException {
        return launcher(Map.of(), args);
    }

    static Run launcher(Map<String, String> environment, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(new File(ROOT, "scripts/gridstack").getPath());
        command.addAll(Arrays.asList(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(ROOT).redirectErrorStream(true);
        pb.environment().put("JAVA_OPTS", "-Xmx1g -Dgridstack.region.mb=256");
        pb.environment().putAll(environment);
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "launcher finished");
        return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    @Test
    void macroOpensPersistsProjectsAndSaves() throws Exception {
        Path data = dir.resolve("data");
        int t = 30, h = 48, w = 64;
        Run generate = launcher("--headless", "--run", "Generate Synthetic Stack...",
                "folder=[" + data + "] slices=" + t + " height=" + h + " width=" + w + " seed=5");
        assertEquals(0, generate.exit, generate.output);
        SyntheticStack expected = new SyntheticStack(t, h, w, 5);

        Path out = dir.resolve("out");
        Run macro = launcher("--headless", "-macro", "macros/project_stack.ijm",
                "source=" + data.resolve(SyntheticStack.FILE_PATTERN) + " output=" + out + " name=em");
        assertEquals(0, macro.exit, macro.output);
        assertTrue(macro.output.contains("Persist em: 1/1 chunks"), macro.output);

        ImagePlus mean = new Opener().openImage(out.resolve("mean_time.tif").toString());
        assertEquals(32, mean.getBitDepth());
        assertEquals(w, mean.getWidth());
        assertEquals(h, mean.getHeight());
        for (int i = 0; i < w * h; i++) {
            long sum = 0;
            for (int k = 0; k < t; k++) sum += expected.frame(k)[i] & 0xff;
            assertEquals((float) ((double) sum / t), mean.getProcessor().getf(i), 0f, "mean at " + i);
        }
        List<String> csv = Files.readAllLines(out.resolve("brightness.csv"));
        assertEquals("slice,mean", csv.get(0));
        for (int k = 0; k < t; k++) {
            long sum = 0;
            for (byte b : expected.frame(k)) sum += b & 0xff;
            assertEquals(k + "," + Double.toString((double) sum / (w * h)), csv.get(k + 1));
        }
        byte[] png = Files.readAllBytes(out.resolve("brightness.png"));
        assertTrue(png.length > 1000 && png[1] == 'P' && png[2] == 'N' && png[3] == 'G', "brightness.png is a PNG");
        ImagePlus plot = new Opener().openImage(out.resolve("brightness.png").toString());
        assertTrue(plot.getStatistics().stdDev > 0, "the plot is not blank");
    }

    /**
     * The launch cache (ImageJ pre-patched for headless use, and a class archive) changes only how fast a launch
     * starts: ImageJ's own dialogs headless, a user's macro in the grid's isolated ImageJs and a grid result print the
     * same values as a launch with ij1-patcher's agent and no archive.
     */
    @Test
    void theLaunchCacheGivesTheSameResultsAsTheAgent() throws Exception {
        Path data = dir.resolve("cache-data");
        String macro = String.join("\n",
                "run(\"Generate Synthetic Stack...\", \"folder=[" + data + "] slices=6 height=40 width=50 seed=3\");",
                "newImage(\"ramp\", \"8-bit ramp\", 50, 40, 1);",
                "run(\"Gaussian Blur...\", \"sigma=2\");",
                "print(\"blurred ramp \" + getPixel(3, 7) + \" \" + getPixel(30, 20));",
                "run(\"Open Grid Stack...\", \"source=[" + data + "/slice_%05d.tif] name=c\");",
                "run(\"Grid Map Macro...\", \"name=c macro=[run(\\\"Gaussian Blur...\\\", \\\"sigma=2\\\");] target=cb\");",
                "run(\"Grid Z Project...\", \"name=cb projection=[Max Intensity]\");",
                "print(\"mapped max \" + getPixel(10, 10) + \" \" + getPixel(25, 33));");
        Run cached = launcher("--headless", "--eval", macro);
        assertEquals(0, cached.exit, cached.output);
        Path cache = new File(ROOT, "plugin/target/launch-cache").toPath();
        try (var files = Files.list(cache)) {
            List<String> names = files.map(f -> f.getFileName().toString()).collect(java.util.stream.Collectors.toList());
            assertTrue(names.stream().anyMatch(n -> n.matches("ij-.*-headless\\.jar")), names.toString());
            assertTrue(names.stream().anyMatch(n -> n.matches("classes-.*\\.jsa")), names.toString());
        }
        Run agent = launcher(Map.of("GRIDSTACK_LAUNCH_CACHE", "off"), "--headless", "--eval", macro);
        assertEquals(0, agent.exit, agent.output);
        assertEquals(printed(agent.output), printed(cached.output));
        assertEquals(2, printed(cached.output).size(), cached.output);
    }

    private static List<String> printed(String output) {
        List<String> lines = new ArrayList<>();
        for (String line : output.split("\n")) if (line.startsWith("blurred ramp ") || line.startsWith("mapped max ")) lines.add(line);
        return lines;
    }

    @Test
    void badInputFailsWithAMessageNamingTheCause() throws Exception {
        Run missing = launcher("--headless", "--run", "Open Grid Stack...", "source=[" + dir + "/none_%03d.tif] first=0 last=3");
        assertEquals(1, missing.exit, missing.output);
        assertTrue(missing.output.contains("missing file: " + dir + "/none_000.tif"), missing.output);

        Run negative = launcher("--headless", "--run", "Open Grid Stack...", "source=[" + dir + "] first=-3");
        assertEquals(1, negative.exit, negative.output);
        assertTrue(negative.output.contains("first (-3) must be a whole number from 0 to 2147483647"), negative.output);

        Run unknown = launcher("--headless", "--run", "Grid Z Project...", "name=nothing projection=[Max Intensity]");
        assertEquals(1, unknown.exit, unknown.output);
        assertTrue(unknown.output.contains("no grid array named 'nothing'"), unknown.output);
    }

    @Test
    void aMacroErrorExitsNonZeroAndAMacroExitDoesNot() throws Exception {
        Path broken = dir.resolve("broken.ijm");
        Files.writeString(broken, "x = undefinedThing + 1;\n");
        Run error = launcher("--headless", "-macro", broken.toString());
        assertEquals(1, error.exit, error.output);
        assertTrue(error.output.contains("Undefined"), error.output);

        Path early = dir.resolve("early.ijm");
        Files.writeString(early, "print(\"before\");\nexit();\nprint(\"after\");\n");
        Run exit = launcher("--headless", "-macro", early.toString());
        assertEquals(0, exit.exit, exit.output);
        assertTrue(exit.output.contains("before") && !exit.output.contains("after"), exit.output);
    }

    @Test
    void installsIntoAFijiAppFolder() throws Exception {
        Path fiji = dir.resolve("Fiji.app");
        Files.createDirectories(fiji.resolve("jars"));
        Files.createDirectories(fiji.resolve("plugins"));
        Files.createDirectories(fiji.resolve("config/jaunch"));
        Files.writeString(fiji.resolve("config/jaunch/fiji.toml"), "jvm.runtime-args = [\n    '-Xss4m',\n]\n");
        ProcessBuilder pb = new ProcessBuilder(new File(ROOT, "scripts/install-fiji.sh").getPath(), fiji.toString())
                .directory(ROOT).redirectErrorStream(true);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        try (var plugins = Files.list(fiji.resolve("plugins"))) {
            assertTrue(plugins.anyMatch(f -> f.getFileName().toString().matches("Grid_Stack-.*\\.jar")), "plugin jar installed");
        }
        try (var jars = Files.list(fiji.resolve("jars"))) {
            List<String> names = jars.map(f -> f.getFileName().toString()).collect(java.util.stream.Collectors.toList());
            assertTrue(names.stream().anyMatch(n -> n.startsWith("ignite-core-")), names.toString());
            assertTrue(names.stream().anyMatch(n -> n.startsWith("grid-stack-backend-")), names.toString());
            assertTrue(names.stream().noneMatch(n -> n.startsWith("ij-") || n.startsWith("scijava-common")), names.toString());
        }
        String toml = Files.readString(fiji.resolve("config/jaunch/fiji.toml"));
        assertTrue(toml.contains("'JAVA:9+|--add-opens=java.base/java.nio=ALL-UNNAMED',"), toml);
        assertTrue(toml.contains("'-Xss4m'"), toml);
    }
}
