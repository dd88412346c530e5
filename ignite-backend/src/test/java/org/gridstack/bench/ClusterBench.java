package org.gridstack.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.apache.ignite.Ignite;
import org.gridstack.GridStack;
import org.gridstack.array.ArrayMeta;
import org.gridstack.grid.ConnectOptions;
import org.gridstack.GridConnection;
import org.gridstack.base.Progress;
import org.gridstack.ops.project.Projection;
import org.gridstack.telemetry.TaskEvent;
import org.gridstack.telemetry.TaskLog;

/**
 * The seed pipeline on a cluster of server nodes (through a thick-client connection) or on the embedded grid, per
 * stage: seconds, MB/s of the input stack, the bytes the task log records as TRANSFER (chunks read from another
 * node, shuffle pieces sent to their block's owner) and the bytes the servers' communication SPIs really sent
 * (that also counts backup copies, job and progress messages). At the end, each server's peak heap during the
 * last rechunk+fft and peak RSS. scripts/cluster-bench starts the servers and runs this.
 * Usage: ClusterBench (embedded | host:port[..port],...) slicePattern [repeats]
 */
public final class ClusterBench {
    private ClusterBench() {}

    public static void main(String[] args) {
        // as the launchers do: one FFT per core, JTransforms' own threads off (a process-wide setting)
        pl.edu.icm.jlargearrays.ConcurrencyUtils.setNumberOfThreads(1);
        if (args.length < 2) {
            System.err.println("usage: ClusterBench (embedded | host:port[..port],...) slice_pattern [repeats]");
            System.exit(2);
        }
        boolean embedded = args[0].equals("embedded");
        String pattern = args[1];
        int repeats = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        long t0 = System.nanoTime();
        GridConnection connection = embedded ? null : GridConnection.connect(ConnectOptions.to(args[0]));
        GridStack grid = embedded ? GridStack.embedded() : connection.grid();
        Ignite ignite = grid.ignite();
        System.out.printf(Locale.ROOT, "%s with %d server node(s), %d cores, ready in %.2f s%n", embedded ? "embedded grid" : "connected",
                ignite.cluster().forServers().nodes().size(), ignite.cluster().forServers().metrics().getTotalCpus(), (System.nanoTime() - t0) / 1e9);

        List<String> rows = new ArrayList<>();
        List<long[]> peaks = null;
        for (int run = 1; run <= repeats; run++) {
            ArrayMeta meta = grid.open("bench", pattern, 0, -1, 0);
            double mb = meta.bytes() / 1e6;
            int height = meta.grid().height(), width = meta.grid().width();
            rows.add(stage(grid, run, "load+persist", mb, () -> grid.persist("bench", Progress.NONE)));
            rows.add(stage(grid, run, "mean over time", mb, () -> grid.project("bench", Projection.AVERAGE, Progress.NONE)));
            rows.add(stage(grid, run, "slice means", mb, () -> grid.sliceMeans("bench", Progress.NONE)));
            int crop = GridStack.defaultCrop(height, width);
            rows.add(stage(grid, run, "recenter (crop " + crop + ")", mb, () -> grid.recenter("bench", "bench-recentered", crop, Progress.NONE)));
            // as in the seed pipeline (and Dask's figures): rechunk and FFT the recentered stack
            double recenteredMb = grid.array("bench-recentered").bytes() / 1e6;
            int block = grid.defaultBlock("bench-recentered");
            probe(ignite, true);
            rows.add(stage(grid, run, "rechunk+fft (block " + block + ")", recenteredMb, () -> grid.fftPower("bench-recentered", "bench-power", block, Progress.NONE)));
            peaks = probe(ignite, false);
            grid.drop("bench-power");
            grid.drop("bench-recentered");
            grid.drop("bench");
        }
        System.out.println("run,stage,seconds,mb_per_s,transfer_mb,network_mb");
        rows.forEach(System.out::println);
        if (peaks != null) {
            for (long[] p : peaks) {
                System.out.printf(Locale.ROOT, "server: heap in use at most %.0f MB during rechunk+fft (pool peaks, garbage included), peak RSS %.0f MB%n", p[2] / 1e6, p[3] / 1e6);
            }
        }
        if (connection != null) connection.close();
        System.exit(0);
    }

    private static List<long[]> probe(Ignite ignite, boolean reset) {
        Collection<long[]> all = ignite.compute(ignite.cluster().forServers()).broadcast(new NodeProbe(reset));
        return new ArrayList<>(all);
    }

    private static long networkBytes(Ignite ignite) {
        long sent = 0;
        for (long[] p : probe(ignite, false)) sent += p[0];
        return sent;
    }

    private static String stage(GridStack grid, int run, String name, double mb, Supplier<?> work) {
        Ignite ignite = grid.ignite();
        long net0 = networkBytes(ignite);
        long t0 = System.nanoTime();
        work.get();
        double s = (System.nanoTime() - t0) / 1e9;
        long net = networkBytes(ignite) - net0;
        TaskLog log = grid.lastTaskLog();
        double transfer = log == null ? 0 : log.bytes(TaskEvent.Kind.TRANSFER) / 1e6;
        long computes = log == null ? 0 : log.events().stream().filter(e -> e.kind == TaskEvent.Kind.COMPUTE).count();
        long distinct = log == null ? 0 : log.events().stream().filter(e -> e.kind == TaskEvent.Kind.COMPUTE).mapToLong(e -> e.chunk).distinct().count();
        System.out.printf(Locale.ROOT, "run %d: %s %.3f s, %.0f MB/s, TRANSFER %.1f MB, network %.1f MB%s%n", run, name, s, mb / s, transfer, net / 1e6,
                computes > distinct ? " (" + (computes - distinct) + " chunks computed again: jobs re-run)" : "");
        return String.format(Locale.ROOT, "%d,%s,%.3f,%.0f,%.1f,%.1f", run, name, s, mb / s, transfer, net / 1e6);
    }
}
