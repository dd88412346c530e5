package org.gridstack.plugin.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.gridstack.cluster.TestCluster;
import org.gridstack.sample.SyntheticStack;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Grid Stack as a Fiji user meets it: the real ImageJ 1 GUI under Xvfb, with the plugin installed into a
 * Fiji.app folder from the release zip. The test opens Plugins > Grid Stack with the mouse, and a macro
 * runs the pipeline from the menu commands. Every command of plugins.config must be in ImageJ's menus; the stack
 * window's pixels and the brightness plot's values must be the generator's, and the task stream must draw its
 * boxes. Screenshots of the menu, the stack window, the plot and the task stream are kept in
 * plugin/target/gui-screenshots. Needs Xvfb and xdotool (.ci/run installs them and sets
 * GRIDSTACK_GUI_TEST=required; elsewhere the test is skipped when they are missing).
 */
class GuiIT {
    private static final int WIDTH = 1280, HEIGHT = 1024;
    private static final Path ROOT = Paths.get("..").toAbsolutePath().normalize();
    private static final Path TARGET = Paths.get("target").toAbsolutePath();
    /** The Plugins menu and its last entry (Grid Stack) relative to the ImageJ window, for ImageJ 1.54p's fonts here. */
    private static final int PLUGINS_X = 320, PLUGINS_Y = 12, GRID_STACK_X = 325, GRID_STACK_Y = 156;

    private final Map<String, String> env = new HashMap<>();

    @Test
    void menuStackPlotAndTaskStreamAsAUserSeesThem() throws Exception {
        boolean tools = onPath("Xvfb") && onPath("xdotool");
        if ("required".equals(System.getenv("GRIDSTACK_GUI_TEST"))) assertTrue(tools, "Xvfb and xdotool are required");
        Assumptions.assumeTrue(tools, "Xvfb or xdotool missing");

        int display = freeDisplay();
        env.put("DISPLAY", ":" + display);
        Process xvfb = new ProcessBuilder("Xvfb", ":" + display, "-screen", "0", WIDTH + "x" + HEIGHT + "x24", "-nolisten", "tcp")
                .redirectErrorStream(true).redirectOutput(TARGET.resolve("xvfb.log").toFile()).start();
        Process imagej = null;
        TestCluster server = null;
        try {
            await("Xvfb on :" + display, 20, () -> Files.exists(Paths.get("/tmp/.X11-unix/X" + display)));
            Path fiji = fijiWithGridStack();
            Path shots = TARGET.resolve("gui-screenshots");
            deleteTree(shots);
            Files.createDirectories(shots);
            Path macro = TARGET.resolve("gui.ijm");
            server = TestCluster.start(1, Map.of());
            Files.writeString(macro, macro(shots, TARGET.resolve("gui-data"), server.addresses()));

            List<String> command = new ArrayList<>(Arrays.asList(javaCommand(), "@" + ROOT.resolve("scripts/ignite-jvm-flags.txt"),
                    "-Xmx1g", "-Dgridstack.region.mb=256", "-Dplugins.dir=" + fiji,
                    "-cp", fiji.resolve("jars") + "/*:" + fiji.resolve("plugins") + "/*", "ij.ImageJ", "-macro", macro.toString()));
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(TARGET.resolve("gui-imagej.log").toFile());
            pb.environment().putAll(env);
            imagej = pb.start();

            await("the stack window", 120, () -> Files.exists(shots.resolve("ready-menu")));
            int[] window = imagejWindow();
            run("xdotool", "mousemove", String.valueOf(window[0] + PLUGINS_X), String.valueOf(window[1] + PLUGINS_Y), "click", "1");
            run("xdotool", "mousemove", String.valueOf(window[0] + GRID_STACK_X), String.valueOf(window[1] + GRID_STACK_Y), "click", "1");
            Path menu = shots.resolve("menu.png");
            int[] submenu = {window[0] + 520, window[1] + 150, 170, 240};
            await("the Grid Stack submenu", 30, () -> screenshot(menu) && variance(read(menu), submenu) > 100);
            // a click on the empty desktop closes the menu (Esc would abort the running macro, as in ImageJ)
            run("xdotool", "mousemove", "40", String.valueOf(HEIGHT - 40), "click", "1");
            Files.writeString(shots.resolve("menu-done"), "done");
            try {
                await("the pipeline's screenshots", 180, () -> Files.exists(shots.resolve("all-done")));
            } catch (AssertionError stuck) {
                screenshot(shots.resolve("stuck.png")); // a dialog the macro waits on shows there
                throw stuck;
            }

            for (String name : new String[] {"menu.png", "stack.png", "plot.png", "taskstream.png"}) {
                BufferedImage shot = read(shots.resolve(name));
                assertEquals(WIDTH, shot.getWidth(), name);
                assertEquals(HEIGHT, shot.getHeight(), name);
                assertTrue(variance(shot, new int[] {0, 0, WIDTH, HEIGHT}) > 100, name + " is not blank");
            }
            assertTrue(variance(read(shots.resolve("stack.png")), submenu) < variance(read(menu), submenu),
                    "the submenu region changed when the menu opened");
            String log = Files.readString(shots.resolve("log.txt"));
            assertTrue(log.contains("stack=em:60"), log);
            assertTrue(log.contains("plot=Brightness of em"), log);
            assertTrue(log.contains("stream=Task Stream - persist em"), log);
            assertFalse(log.contains("missing="), "every Grid Stack command is in ImageJ's menus: " + log);
            assertRealPixels(log);
            assertEveryCommandRan(log);
            // persist of one chunk: a make and a compute box, each an overlay ROI, drawn in their kinds' colours
            assertTrue(log.contains("boxes=2\n"), log);
            BufferedImage stream = read(shots.resolve("taskstream-image.png"));
            assertTrue(count(stream, 0x1f77b4) > 20 && count(stream, 0x2ca02c) > 20, "make and compute boxes are drawn");
        } finally {
            if (imagej != null) imagej.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            if (server != null) server.close();
            xvfb.destroy();
            xvfb.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** The stack window's pixels and the plot's values, as the macro read them, against the generator's own frames. */
    private static void assertRealPixels(String log) {
        SyntheticStack stack = new SyntheticStack(60, 256, 256, 1);
        byte[] frame = stack.frame(29);
        for (int[] xy : PROBES) {
            String expected = "pixel " + xy[0] + "," + xy[1] + "=" + (frame[xy[1] * 256 + xy[0]] & 0xff) + "\n";
            assertTrue(log.contains(expected), "slice 30 of the stack window: " + expected + " in " + log);
        }
        for (int t : new int[] {1, 30, 45}) {
            long sum = 0;
            for (byte b : stack.frame(t)) sum += b & 0xff;
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("mean " + t + "=([0-9.]+)").matcher(log);
            assertTrue(m.find(), "the brightness plot's value at " + t + " in " + log);
            assertEquals(sum / 65536.0, Double.parseDouble(m.group(1)), 1e-6, "the brightness plot's value at slice " + t);
        }
    }

    /** The other commands' results, as the macro read them, against the generator's frames. */
    private static void assertEveryCommandRan(String log) {
        SyntheticStack stack = new SyntheticStack(60, 256, 256, 1);
        double sum = 0;
        for (int t = 0; t < 60; t++) sum += stack.frame(t)[128 * 256 + 128] & 0xff;
        assertTrue(log.contains(String.format(java.util.Locale.ROOT, "average 128,128=%.6f\n", sum / 60)), log);
        assertTrue(log.contains("recentered=128x60\n"), log);
        assertTrue(log.contains("spectrum=60\n"), log);
        assertTrue(log.contains("inverted 128,128=" + (255 - (stack.frame(29)[128 * 256 + 128] & 0xff)) + "\n"), log);
        assertTrue(log.contains("measured=60\n"), log);
        assertTrue(log.contains("saved=1\n"), log);
        double frame30 = 0;
        for (byte b : stack.frame(30)) frame30 += b & 0xff;
        assertTrue(log.contains(String.format(java.util.Locale.ROOT, "remote mean 30=%.6f\n", frame30 / 65536)), "slice means on the server: " + log);
    }

    private static final int[][] PROBES = {{100, 110}, {128, 128}, {150, 140}, {120, 160}};

    private static long count(BufferedImage img, int rgb) {
        long n = 0;
        for (int y = 0; y < img.getHeight(); y++) for (int x = 0; x < img.getWidth(); x++) if ((img.getRGB(x, y) & 0xffffff) == rgb) n++;
        return n;
    }

    /** The menu labels plugins.config gives ImageJ. */
    private static List<String> commandLabels() throws IOException {
        List<String> labels = new ArrayList<>();
        for (String line : Files.readAllLines(ROOT.resolve("plugin/src/main/resources/plugins.config"))) {
            if (line.startsWith("Plugins>")) labels.add(line.split("\"")[1]);
        }
        return labels;
    }

    private static String macro(Path shots, Path data, String server) throws IOException {
        String s = shots.toString();
        StringBuilder checks = new StringBuilder("List.setCommands;\n");
        for (String label : commandLabels()) {
            checks.append("if (List.get(\"").append(label).append("\") == \"\") report = report + \"missing=").append(label).append("\\n\";\n");
        }
        StringBuilder probes = new StringBuilder();
        for (int[] xy : PROBES) {
            probes.append("report = report + \"pixel ").append(xy[0]).append(",").append(xy[1]).append("=\" + getPixel(")
                    .append(xy[0]).append(", ").append(xy[1]).append(") + \"\\n\";\n");
        }
        return String.join("\n",
                "run(\"Generate Synthetic Stack...\", \"folder=[" + data + "] slices=60 height=256 width=256 seed=1\");",
                "run(\"Open Grid Stack...\", \"source=[" + data + "] name=em show\");",
                "run(\"Persist Grid Stack\", \"name=em\");",
                "setSlice(30);",
                "report = \"stack=\" + getTitle() + \":\" + nSlices + \"\\n\";",
                probes.toString(),
                checks.toString(),
                "run(\"Capture Screen\"); saveAs(\"PNG\", \"" + s + "/stack.png\"); close();",
                "File.saveString(\"ready\", \"" + s + "/ready-menu\");",
                "while (!File.exists(\"" + s + "/menu-done\")) wait(50);",
                "run(\"Grid Slice Means...\", \"name=em\");",
                "report = report + \"plot=\" + getTitle() + \"\\n\";",
                "Plot.getValues(xs, ys);",
                "slices = newArray(1, 30, 45);",
                "for (i = 0; i < 3; i++) report = report + \"mean \" + slices[i] + \"=\" + d2s(ys[slices[i]], 6) + \"\\n\";",
                "run(\"Capture Screen\"); saveAs(\"PNG\", \"" + s + "/plot.png\"); close();",
                "run(\"Task Stream...\", \"operation=persist\");",
                "report = report + \"stream=\" + getTitle() + \"\\n\" + \"boxes=\" + Overlay.size + \"\\n\";",
                "saveAs(\"PNG\", \"" + s + "/taskstream-image.png\"); rename(\"Task Stream - persist em\");",
                "run(\"Capture Screen\"); saveAs(\"PNG\", \"" + s + "/taskstream.png\"); close();",
                // every other command, through ImageJ's command table as the menu runs them; results read back by measuring
                "run(\"Grid Z Project...\", \"name=em projection=[Average Intensity]\");",
                "report = report + \"average 128,128=\" + d2s(getPixel(128, 128), 6) + \"\\n\"; close();",
                "run(\"Grid Recenter...\", \"name=em crop=128 target=em_rc\");",
                "run(\"Grid Measure Macro...\", \"name=em_rc macro=[setResult(\\\"W\\\", nResults, getWidth());]\");",
                "report = report + \"recentered=\" + getResult(\"W\", 0) + \"x\" + nResults + \"\\n\";",
                "run(\"Grid FFT Power...\", \"name=em_rc target=em_power\");",
                "run(\"Plot Spectrum...\", \"name=em_power x=64 y=64\");",
                "Plot.getValues(fx, fy); report = report + \"spectrum=\" + fy.length + \"\\n\"; close();",
                "run(\"Grid Rechunk...\", \"name=em target=em_blocks block=64\");",
                "run(\"Grid Map Macro...\", \"name=em macro=[run(\\\"Invert\\\");] target=em_inv\");",
                "run(\"Grid Measure Macro...\", \"name=em_inv macro=[setResult(\\\"V\\\", nResults, getPixel(128, 128));]\");",
                "report = report + \"inverted 128,128=\" + getResult(\"V\", 29) + \"\\n\" + \"measured=\" + nResults + \"\\n\";",
                "run(\"Save Grid Stack...\", \"name=em_inv path=[" + s + "/inv.zarr] format=Zarr\");",
                "report = report + \"saved=\" + File.exists(\"" + s + "/inv.zarr/.zattrs\") + \"\\n\";",
                "run(\"Grid Status\");",
                // and on a real server node: connect, slice means there, disconnect
                "run(\"Connect to Grid...\", \"addresses=" + server + " timeout=30\");",
                "run(\"Open Grid Stack...\", \"source=[" + data + "] name=remote\");",
                "run(\"Grid Slice Means...\", \"name=remote\");",
                "Plot.getValues(rx, ry); report = report + \"remote mean 30=\" + d2s(ry[30], 6) + \"\\n\"; close();",
                "run(\"Disconnect from Grid\");",
                "File.saveString(report, \"" + s + "/log.txt\");",
                "File.saveString(\"done\", \"" + s + "/all-done\");", "");
    }

    /** A Fiji.app with Fiji's own jars this plugin needs, then Grid Stack installed the way the README says. */
    /**
     * A bare Fiji.app (Fiji's own core jars only: ImageJ, its patcher, SciJava Common, ImgLib2) with Grid Stack
     * installed as a user does: the release zip (target/Grid_Stack-<version>-fiji.zip) unzipped over it.
     */
    private static Path fijiWithGridStack() throws Exception {
        Path fiji = TARGET.resolve("gui-fiji/Fiji.app");
        deleteTree(fiji.getParent());
        Files.createDirectories(fiji.resolve("jars"));
        Files.createDirectories(fiji.resolve("plugins"));
        try (Stream<Path> deps = Files.list(TARGET.resolve("dependency"))) {
            for (Path jar : (Iterable<Path>) deps::iterator) {
                String n = jar.getFileName().toString();
                for (String core : new String[] {"ij-", "ij1-patcher-", "javassist-", "scijava-common-", "imglib2-", "parsington-", "classgraph-"}) {
                    if (n.startsWith(core)) Files.copy(jar, fiji.resolve("jars").resolve(n));
                }
            }
        }
        Path release;
        try (Stream<Path> files = Files.list(TARGET)) {
            release = files.filter(f -> f.getFileName().toString().matches("Grid_Stack-.*-fiji\\.zip")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no release zip in " + TARGET + ": mvn package makes it"));
        }
        try (java.util.zip.ZipInputStream zip = new java.util.zip.ZipInputStream(Files.newInputStream(release))) {
            for (java.util.zip.ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                Path to = fiji.getParent().resolve(e.getName());
                if (e.isDirectory()) Files.createDirectories(to);
                else Files.copy(zip, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return fiji;
    }

    private int[] imagejWindow() throws Exception {
        String id = run("xdotool", "search", "--name", "^ImageJ$").trim().split("\\s+")[0];
        int x = 0, y = 0;
        for (String line : run("xdotool", "getwindowgeometry", "--shell", id).split("\n")) {
            if (line.startsWith("X=")) x = Integer.parseInt(line.substring(2).trim());
            if (line.startsWith("Y=")) y = Integer.parseInt(line.substring(2).trim());
        }
        return new int[] {x, y};
    }

    private boolean screenshot(Path file) {
        try {
            List<String> command = Arrays.asList(javaCommand(), "-cp", System.getProperty("java.class.path"), ScreenShot.class.getName(), file.toString());
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
            pb.environment().putAll(env);
            Process p = pb.start();
            p.getInputStream().readAllBytes();
            return p.waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static BufferedImage read(Path png) {
        try {
            return ImageIO.read(png.toFile());
        } catch (IOException e) {
            throw new AssertionError("cannot read " + png, e);
        }
    }

    /** Variance of the grey values in a rectangle {x, y, w, h}: a flat background gives 0. */
    private static double variance(BufferedImage img, int[] r) {
        double sum = 0, sum2 = 0;
        long n = 0;
        for (int y = Math.max(0, r[1]); y < Math.min(img.getHeight(), r[1] + r[3]); y++) {
            for (int x = Math.max(0, r[0]); x < Math.min(img.getWidth(), r[0] + r[2]); x++) {
                int rgb = img.getRGB(x, y);
                double grey = ((rgb >> 16 & 0xff) + (rgb >> 8 & 0xff) + (rgb & 0xff)) / 3.0;
                sum += grey;
                sum2 += grey * grey;
                n++;
            }
        }
        return n == 0 ? 0 : sum2 / n - (sum / n) * (sum / n);
    }

    private String run(String... command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), String.join(" ", command));
        assertEquals(0, p.exitValue(), String.join(" ", command) + ": " + out);
        return out;
    }

    private static void await(String what, int seconds, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "waited " + seconds + " s for " + what);
            Thread.sleep(100);
        }
    }

    private static int freeDisplay() {
        for (int d = 70; d < 100; d++) {
            if (!Files.exists(Paths.get("/tmp/.X11-unix/X" + d)) && !Files.exists(Paths.get("/tmp/.X" + d + "-lock"))) return d;
        }
        throw new AssertionError("no free X display number in 70..99");
    }

    private static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Paths.get(dir, tool))) return true;
        }
        return false;
    }

    private static String javaCommand() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) return;
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
