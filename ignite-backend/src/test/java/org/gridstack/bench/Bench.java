package org.gridstack.bench;

import org.gridstack.sample.SyntheticStack;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import org.gridstack.GridStack;
import org.gridstack.array.ArrayMeta;
import org.gridstack.base.Progress;
import org.gridstack.ops.project.Projection;

/**
 * The project's bench command: generates (once) or opens a stack of T x H x W uint8 TIFF slices, then times each
 * stage on the embedded grid and prints seconds and MB/s (of the input stack) per stage and the JVM's peak RSS.
 * Recenter uses the default crop (min(H, W) / 2, so 512 for 1024² frames); rechunk+fft is the fused shuffle into
 * time-series blocks of the default size, the float32 power stored in the grid (rechunk alone is timed too).
 * Usage: Bench [frames height width [dataDir [repeats]]]
 */
public final class Bench {
    /** Each stage's seconds in the latest run, by name without its parameters. */
    private static final Map<String, Double> LAST_SECONDS = new HashMap<>();

    private Bench() {}

    public static void main(String[] args) throws Exception {
        // as the launchers do: one FFT per core, JTransforms' own threads off (a process-wide setting)
        pl.edu.icm.jlargearrays.ConcurrencyUtils.setNumberOfThreads(1);
        int frames = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int height = args.length > 1 ? Integer.parseInt(args[1]) : 1024;
        int width = args.length > 2 ? Integer.parseInt(args[2]) : 1024;
        Path dir = Paths.get(args.length > 3 ? args[3] : "target/bench-data/" + frames + "x" + height + "x" + width);
        int repeats = args.length > 4 ? Integer.parseInt(args[4]) : 3;

        String pattern = dir.resolve(SyntheticStack.FILE_PATTERN).toString();
        if (!Files.exists(dir.resolve(String.format(SyntheticStack.FILE_PATTERN, frames - 1)))) {
            long t0 = System.nanoTime();
            new SyntheticStack(frames, height, width, 42).writeTiffs(dir);
            System.out.printf(Locale.ROOT, "generated %s in %.1f s%n", dir, (System.nanoTime() - t0) / 1e9);
        }
        long t0 = System.nanoTime();
        GridStack grid = GridStack.embedded();
        System.out.printf(Locale.ROOT, "embedded node started in %.2f s%n", (System.nanoTime() - t0) / 1e9);

        List<String> rows = new ArrayList<>();
        int crop = GridStack.defaultCrop(height, width);
        for (int run = 1; run <= repeats; run++) {
            ArrayMeta meta = grid.open("bench", pattern, 0, frames - 1, 0);
            double mb = meta.bytes() / 1e6;
            rows.add(stage(run, "load+persist", mb, () -> grid.persist("bench", Progress.NONE)));
            rows.add(stage(run, "mean over time", mb, () -> grid.project("bench", Projection.AVERAGE, Progress.NONE)));
            rows.add(stage(run, "slice means", mb, () -> grid.sliceMeans("bench", Progress.NONE)));
            rows.add(stage(run, "recenter (crop " + crop + ")", mb, () -> grid.recenter("bench", "bench-recentered", crop, Progress.NONE)));
            // as in the seed pipeline (and Dask's figures): rechunk and FFT the recentered stack
            double recenteredMb = grid.array("bench-recentered").bytes() / 1e6;
            int block = grid.defaultBlock("bench-recentered");
            rows.add(stage(run, "rechunk (block " + block + ")", recenteredMb, () -> grid.rechunk("bench-recentered", "bench-blocks", block, Progress.NONE)));
            grid.drop("bench-blocks");
            rows.add(stage(run, "rechunk+fft (block " + block + ")", recenteredMb, () -> grid.fftPower("bench-recentered", "bench-power", block, Progress.NONE)));
            grid.drop("bench-power");
            grid.drop("bench-recentered");
            grid.drop("bench");
        }
        // task events: what recording costs per chunk, against the time a chunk takes in the cheapest stage
        try {
            double recording = org.gridstack.bench.TaskRecordingCost.microsPerChunk(grid.ignite(), 20_000);
            ArrayMeta probe = grid.open("bench", pattern, 0, frames - 1, 0);
            long t1 = System.nanoTime();
            grid.project("bench", Projection.AVERAGE, Progress.NONE);
            double perChunk = (System.nanoTime() - t1) / 1e3 / probe.grid().chunkCount();
            grid.drop("bench");
            System.out.printf(Locale.ROOT, "task event recording: %.1f us per chunk = %.2f %% of a mean-over-time chunk (%.0f us)%n",
                    recording, 100 * recording / perChunk, perChunk);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        printFloors(pattern, frames, height, width, crop);
        System.out.println("run,stage,seconds,mb_per_s,cpu_seconds");
        rows.forEach(System.out::println);
        System.out.println("peak RSS: " + peakRss());
        System.exit(0);
    }

    private static String stage(int run, String name, double mb, Runnable work) {
        long cpu0 = processCpuNanos();
        long t0 = System.nanoTime();
        work.run();
        double s = (System.nanoTime() - t0) / 1e9;
        LAST_SECONDS.put(name.replaceAll(" \\(.*", ""), s);
        double cpu = (processCpuNanos() - cpu0) / 1e9;
        System.out.printf(Locale.ROOT, "run %d: %s %.3f s (%.1f CPU s)%n", run, name, s, cpu);
        return String.format(Locale.ROOT, "%d,%s,%.3f,%.0f,%.1f", run, name, s, mb / s, cpu);
    }

    /** The machine's limits, and each stage of the last run against the floor they set (see {@link MachineLimits}). */
    private static void printFloors(String pattern, int frames, int height, int width, int crop) throws Exception {
        List<Path> files = new ArrayList<>();
        for (int t = 0; t < frames; t++) files.add(Paths.get(String.format(Locale.ROOT, pattern, t)));
        long series = (long) crop * crop;
        MachineLimits limits = MachineLimits.measure(files, frames, series);
        limits.print(frames, series);
        double stack = (double) frames * height * width, window = (double) frames * series, power = 4.0 * series * (frames / 2 + 1);
        System.out.println(MachineLimits.closeness("load+persist", LAST_SECONDS.get("load+persist"), limits.persistFloor(stack)));
        System.out.println(MachineLimits.closeness("recenter", LAST_SECONDS.get("recenter"), limits.recenterFloor(stack, window)));
        System.out.println(MachineLimits.closeness("rechunk+fft", LAST_SECONDS.get("rechunk+fft"), limits.fftFloor(window, power)));
    }

    /** CPU time of the whole JVM: on a shared machine, wall time alone says little. */
    private static long processCpuNanos() {
        java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean
                ? ((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime() : 0;
    }

    static String peakRss() {
        try {
            for (String line : Files.readAllLines(Paths.get("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) return line.substring(6).trim();
            }
        } catch (IOException ignored) {
            // not Linux
        }
        return "unknown";
    }
}
