package org.gridstack.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.function.Supplier;
import org.gridstack.GridConnection;
import org.gridstack.GridStack;
import org.gridstack.array.ArrayMeta;
import org.gridstack.base.Progress;
import org.gridstack.grid.ConnectOptions;
import org.gridstack.ops.project.Projection;
import org.gridstack.ops.recenter.CropWindows;
import org.gridstack.sample.SyntheticStack;

/**
 * One run of the seed pipeline for scripts/fault-runner, as a client of a server cluster: open, persist, mean over
 * time, slice means, recenter, FFT power, then a SHA-256 of every result. It prints, flushed line by line, what the
 * runner needs to place a fault and to compare runs:
 * <pre>
 * CONNECTED servers=3 seconds=2.10
 * T0                                  (the pipeline starts; the runner times its fault from here)
 * STAGE persist 1234                  (a stage starts, milliseconds after T0)
 * CHECKSUM mean 9f86d0...             (one per result)
 * DONE 5.43                           (seconds from T0)
 * ERROR persist: message              (instead of DONE; exit status 1)
 * </pre>
 * Usage: {@code FaultRunClient run host:port[..port],... slicePattern [crop]} or
 * {@code FaultRunClient generate folder frames height width seed}. Arrays of earlier, interrupted runs are dropped
 * first, so every run starts from the same empty grid.
 */
public final class FaultRunClient {
    private static final String NAME = "fault", RECENTERED = "fault_rc", POWER = "fault_power";
    private static long t0;
    private static String stage = "connect";

    private FaultRunClient() {}

    public static void main(String[] args) throws IOException {
        pl.edu.icm.jlargearrays.ConcurrencyUtils.setNumberOfThreads(1);   // as the launchers do
        if (args.length == 6 && args[0].equals("generate")) {
            String pattern = new SyntheticStack(Integer.parseInt(args[2]), Integer.parseInt(args[3]), Integer.parseInt(args[4]),
                    Long.parseLong(args[5])).writeTiffs(Path.of(args[1]));
            System.out.println("GENERATED " + pattern);
            System.exit(0);
        }
        if (args.length < 3 || !args[0].equals("run")) {
            System.err.println("usage: FaultRunClient run host:port[..port],... slice_pattern [crop] | generate folder frames height width seed");
            System.exit(2);
        }
        int status;
        GridConnection connection = null;
        try {
            long c0 = System.nanoTime();
            connection = GridConnection.connect(ConnectOptions.to(args[1]));
            GridStack grid = connection.grid();
            say(String.format(Locale.ROOT, "CONNECTED servers=%d seconds=%.2f", grid.ignite().cluster().forServers().nodes().size(),
                    (System.nanoTime() - c0) / 1e9));
            for (ArrayMeta a : grid.arrays()) grid.drop(a.name());
            pipeline(grid, args[2], args.length > 3 ? Integer.parseInt(args[3]) : 0);
            status = 0;
        } catch (RuntimeException | Error e) {
            String message = String.valueOf(e.getMessage()).split("\n", 2)[0];
            say("ERROR " + stage + ": " + e.getClass().getSimpleName() + ": " + message);
            e.printStackTrace();
            status = 1;
        }
        if (connection != null) {
            try {
                connection.close();
            } catch (RuntimeException e) {
                say("WARNING closing the connection: " + e);
            }
        }
        System.exit(status);
    }

    private static void pipeline(GridStack grid, String pattern, int cropWanted) {
        t0 = System.nanoTime();
        say("T0");
        ArrayMeta meta = stage("open", () -> grid.open(NAME, pattern, 0, -1, 0));
        int frames = (int) meta.grid().frames();
        stage("persist", () -> grid.persist(NAME, Progress.NONE));
        double[] mean = stage("mean", () -> grid.project(NAME, Projection.AVERAGE, Progress.NONE));
        double[] sliceMeans = stage("slice means", () -> grid.sliceMeans(NAME, Progress.NONE));
        int crop = cropWanted > 0 ? cropWanted : GridStack.defaultCrop(meta.grid().height(), meta.grid().width());
        stage("recenter", () -> grid.recenter(NAME, RECENTERED, crop, Progress.NONE));
        stage("fft power", () -> grid.fftPower(RECENTERED, POWER, Progress.NONE));
        stage("read results", () -> null);
        Object recentered = grid.frames(RECENTERED, 0, frames);
        CropWindows windows = grid.cropWindows(RECENTERED);
        Object power = grid.frames(POWER, 0, frames);
        double seconds = (System.nanoTime() - t0) / 1e9;
        say("CHECKSUM mean " + sha(mean));
        say("CHECKSUM slice_means " + sha(sliceMeans));
        say("CHECKSUM recentered " + sha(recentered));
        int[] w = new int[2 * frames];
        for (int t = 0; t < frames; t++) {
            w[2 * t] = windows.row0(t);
            w[2 * t + 1] = windows.col0(t);
        }
        say("CHECKSUM crop_windows " + sha(w));
        say("CHECKSUM power " + sha(power));
        grid.drop(POWER);
        grid.drop(RECENTERED);
        grid.drop(NAME);
        say(String.format(Locale.ROOT, "DONE %.2f", seconds));
    }

    private static <T> T stage(String name, Supplier<T> work) {
        stage = name;
        say("STAGE " + name + " " + (System.nanoTime() - t0) / 1_000_000);
        return work.get();
    }

    private static void say(String line) {
        System.out.println(line);
        System.out.flush();
    }

    /** SHA-256 of an array's values in a fixed (little-endian) byte order. */
    static String sha(Object values) {
        ByteBuffer b;
        if (values instanceof byte[]) {
            b = ByteBuffer.wrap((byte[]) values);
        } else if (values instanceof short[]) {
            short[] v = (short[]) values;
            b = ByteBuffer.allocate(2 * v.length).order(ByteOrder.LITTLE_ENDIAN);
            b.asShortBuffer().put(v);
        } else if (values instanceof int[]) {
            int[] v = (int[]) values;
            b = ByteBuffer.allocate(4 * v.length).order(ByteOrder.LITTLE_ENDIAN);
            b.asIntBuffer().put(v);
        } else if (values instanceof float[]) {
            float[] v = (float[]) values;
            b = ByteBuffer.allocate(4 * v.length).order(ByteOrder.LITTLE_ENDIAN);
            b.asFloatBuffer().put(v);
        } else if (values instanceof double[]) {
            double[] v = (double[]) values;
            b = ByteBuffer.allocate(8 * v.length).order(ByteOrder.LITTLE_ENDIAN);
            b.asDoubleBuffer().put(v);
        } else {
            throw new IllegalArgumentException("cannot checksum " + (values == null ? "null" : values.getClass()));
        }
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            d.update(b);
            return HexFormat.of().formatHex(d.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
