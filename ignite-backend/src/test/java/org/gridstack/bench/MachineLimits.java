package org.gridstack.bench;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.gridstack.array.DataType;
import org.gridstack.ops.fft.FftPower;
import org.jtransforms.fft.FloatFFT_1D;

/**
 * What this machine can do at most, on every core, for the work each stage of the pipeline cannot avoid: copying
 * memory, reading cached files, and the FFT power of every pixel's series (JTransforms in float32, and the grid's own
 * transform). From these the bench prints a floor per stage (its unavoidable work at these rates) and how far each
 * stage is from it.
 */
final class MachineLimits {
    /** Bytes copied per second, array to array, all cores at once. */
    final double copyBytesPerSecond;
    /** Bytes of the stack's files read per second from the page cache, all cores at once. */
    final double fileBytesPerSecond;
    /** Seconds for the float32 power spectra of all the FFT stage's series with JTransforms, all cores. */
    final double floatFftSeconds;
    /** The same with the grid's own transform ({@link FftPower}: LaneFft, in double), all cores. */
    final double gridFftSeconds;

    private MachineLimits(double copy, double file, double floatFft, double gridFft) {
        this.copyBytesPerSecond = copy;
        this.fileBytesPerSecond = file;
        this.floatFftSeconds = floatFft;
        this.gridFftSeconds = gridFft;
    }

    /** Measures, for the FFT of {@code series} pixels of {@code frames} values, and the files in {@code files}. */
    static MachineLimits measure(List<Path> files, int frames, long series) throws Exception {
        int cores = Runtime.getRuntime().availableProcessors();
        ExecutorService pool = Executors.newFixedThreadPool(cores);
        try {
            return new MachineLimits(copyRate(pool, cores), fileRate(pool, cores, files), fftSeconds(pool, cores, frames, series),
                    gridFftSeconds(pool, cores, frames, series));
        } finally {
            pool.shutdownNow();
        }
    }

    /** Best of three: 64 MB arrays copied 8 times on each core. */
    private static double copyRate(ExecutorService pool, int cores) throws Exception {
        int bytes = 64 << 20, times = 8;
        List<Callable<Void>> work = new ArrayList<>();
        for (int c = 0; c < cores; c++) {
            byte[] from = new byte[bytes], to = new byte[bytes];
            java.util.Arrays.fill(from, (byte) 1);
            java.util.Arrays.fill(to, (byte) 2);
            work.add(() -> {
                for (int i = 0; i < times; i++) System.arraycopy(from, 0, to, 0, bytes);
                return null;
            });
        }
        double best = 0;
        for (int round = 0; round < 3; round++) {
            long t0 = System.nanoTime();
            runAll(pool, work);
            best = Math.max(best, (double) cores * times * bytes / ((System.nanoTime() - t0) / 1e9));
        }
        return best;
    }

    /** Best of two reads of every file, one file per task into a buffer per core. */
    private static double fileRate(ExecutorService pool, int cores, List<Path> files) throws Exception {
        ThreadLocal<ByteBuffer> buffers = ThreadLocal.withInitial(() -> ByteBuffer.allocate(8 << 20));
        List<Callable<Long>> work = new ArrayList<>();
        for (Path file : files) {
            work.add(() -> {
                long read = 0;
                try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
                    ByteBuffer b = buffers.get();
                    for (int n; (n = in.read(b.clear())) > 0; ) read += n;
                }
                return read;
            });
        }
        double best = 0;
        for (int round = 0; round < 2; round++) {
            long t0 = System.nanoTime();
            long bytes = 0;
            for (Future<Long> f : pool.invokeAll(work)) bytes += f.get();
            best = Math.max(best, bytes / ((System.nanoTime() - t0) / 1e9));
        }
        return best;
    }

    /**
     * Times JTransforms' float real FFT and |X|² per series over a sample of the series on every core (after a
     * warm-up of the same work), scaled to all of them.
     */
    private static double fftSeconds(ExecutorService pool, int cores, int frames, long series) throws Exception {
        long sample = Math.min(series, 8192L * cores);
        List<Callable<Void>> work = new ArrayList<>();
        for (int c = 0; c < cores; c++) {
            long count = sample / cores;
            work.add(() -> {
                FloatFFT_1D fft = new FloatFFT_1D(frames);
                float[] x = new float[frames];
                float[] power = new float[frames / 2 + 1];
                java.util.Random random = new java.util.Random(1);
                for (long s = 0; s < count; s++) {
                    for (int t = 0; t < frames; t++) x[t] = random.nextInt(256);
                    fft.realForward(x);
                    power[0] = x[0] * x[0];
                    for (int k = 1; k < (frames + 1) / 2; k++) power[k] = x[2 * k] * x[2 * k] + x[2 * k + 1] * x[2 * k + 1];
                    if (frames % 2 == 0) power[frames / 2] = x[1] * x[1];
                }
                return null;
            });
        }
        runAll(pool, work);
        long t0 = System.nanoTime();
        runAll(pool, work);
        return (System.nanoTime() - t0) / 1e9 * series / (double) (sample / cores * cores);
    }

    /** As {@link #fftSeconds}, through {@link FftPower} on 8-bit blocks of 4096 pixels, as the FFT stage calls it. */
    private static double gridFftSeconds(ExecutorService pool, int cores, int frames, long series) throws Exception {
        int pixels = 4096;
        long blocks = Math.max(1, Math.min(series, 8192L * cores) / pixels / cores);
        List<Callable<Void>> work = new ArrayList<>();
        for (int c = 0; c < cores; c++) {
            work.add(() -> {
                byte[] block = new byte[frames * pixels];
                new java.util.Random(2).nextBytes(block);
                float[] power = new float[(frames / 2 + 1) * pixels];
                for (long b = 0; b < blocks; b++) FftPower.forFrames(frames).lowerHalfInto(DataType.UINT8, block, pixels, power);
                return null;
            });
        }
        runAll(pool, work);
        long t0 = System.nanoTime();
        runAll(pool, work);
        return (System.nanoTime() - t0) / 1e9 * series / (double) (blocks * pixels * cores);
    }

    private static <T> void runAll(ExecutorService pool, List<Callable<T>> work) throws Exception {
        for (Future<T> f : pool.invokeAll(work)) f.get();
    }

    /** The limits, one line each. */
    void print(int frames, long series) {
        System.out.printf(Locale.ROOT, "machine (all %d cores): memory copy %.1f GB/s, cached file reads %.1f GB/s; FFT power of %d series of %d: "
                + "JTransforms float %.2f s, the grid's LaneFft (double) %.2f s%n", Runtime.getRuntime().availableProcessors(),
                copyBytesPerSecond / 1e9, fileBytesPerSecond / 1e9, series, frames, floatFftSeconds, gridFftSeconds);
    }

    /** Load + persist: read every file once, and copy its bytes into the grid's memory once. */
    double persistFloor(double stackBytes) {
        return stackBytes / fileBytesPerSecond + stackBytes / copyBytesPerSecond;
    }

    /** Recenter: copy each chunk out of the grid's memory once, and the windows into it once. */
    double recenterFloor(double stackBytes, double windowBytes) {
        return (stackBytes + windowBytes) / copyBytesPerSecond;
    }

    /** Rechunk + FFT: move the input once between layouts, the faster of the two FFTs, and store the power once. */
    double fftFloor(double inputBytes, double powerBytes) {
        return Math.min(floatFftSeconds, gridFftSeconds) + (inputBytes + powerBytes) / copyBytesPerSecond;
    }

    static String closeness(String stage, double seconds, double floor) {
        return String.format(Locale.ROOT, "floor: %s %.3f s against a floor of %.3f s (%.1fx)", stage, seconds, floor, seconds / floor);
    }
}
