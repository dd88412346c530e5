package org.gridstack.zarr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several threads and several processes writing chunks of one array into one shared folder, as grid nodes saving
 * the chunks they own will: every chunk arrives whole, nested chunk folders are created concurrently, readers
 * never see half a chunk, and no temporary file is left behind.
 */
class ZarrConcurrencyTest {
    @TempDir
    Path tmp;

    /** Child process: writes chunks k with k % workers == worker of the array in args[0], then prints "done". */
    public static void main(String[] args) {
        ZarrArray a = ZarrArray.open(Path.of(args[0]));
        int worker = Integer.parseInt(args[1]);
        int workers = Integer.parseInt(args[2]);
        List<long[]> chunks = TestValues.chunkIndices(a);
        for (int k = worker; k < chunks.size(); k += workers) a.writeChunk(chunks.get(k), TestValues.chunk(a, chunks.get(k)));
        System.out.println("done");
    }

    @Test
    @Timeout(120)
    void processesAndThreadsWriteDifferentChunksIntoOneFolder() throws Exception {
        ZarrHeader h = ZarrHeader.of(new long[] {6, 70, 70}, new int[] {1, 16, 16}, ZarrDtype.U2)
                .withCompressor(ZarrCompressor.zstd(1)).withDimensionSeparator("/").withFillValue(9);
        ZarrArray a = ZarrArray.create(tmp.resolve("shared.zarr"), h);
        int processes = 2;
        int threads = 3;
        int workers = processes + threads;

        List<Process> children = new ArrayList<>();
        for (int p = 0; p < processes; p++) {
            List<String> command = List.of(ProcessHandle.current().info().command().orElse("java"), "-Xmx128m", "-cp", System.getProperty("java.class.path"),
                    ZarrConcurrencyTest.class.getName(), a.path().toString(), String.valueOf(p), String.valueOf(workers));
            children.add(new ProcessBuilder(command).redirectErrorStream(true).start());
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            String worker = String.valueOf(processes + t);
            done.add(pool.submit(() -> main(new String[] {a.path().toString(), worker, String.valueOf(workers)})));
        }
        for (Future<?> f : done) f.get(60, TimeUnit.SECONDS);
        pool.shutdown();
        for (Process p : children) {
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "writer process did not finish");
            String out = new String(p.getInputStream().readAllBytes());
            assertEquals(0, p.exitValue(), out);
            assertTrue(out.contains("done"), out);
        }

        List<long[]> chunks = TestValues.chunkIndices(a);
        assertEquals(6 * 5 * 5, chunks.size());
        for (long[] idx : chunks) {
            assertTrue(a.chunkExists(idx), "chunk " + Arrays.toString(idx));
            assertTrue(Arrays.equals((short[]) TestValues.chunk(a, idx), (short[]) a.readChunkInside(idx)), "chunk " + Arrays.toString(idx));
        }
        assertEquals(List.of(), leftovers(a.path()));
    }

    @Test
    @Timeout(120)
    void readersNeverSeeHalfAChunkWhileWritersReplaceIt() throws Exception {
        ZarrArray a = ZarrArray.create(tmp.resolve("one.zarr"), ZarrHeader.of(new long[] {256, 256}, new int[] {256, 256}, ZarrDtype.F4)
                .withCompressor(ZarrCompressor.gzip(1)));
        long[] idx = {0, 0};
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        List<Future<Integer>> writers = new ArrayList<>();
        for (int w = 1; w <= 2; w++) {
            float value = w;
            writers.add(pool.submit(() -> {
                float[] chunk = new float[256 * 256];
                Arrays.fill(chunk, value);
                for (int i = 0; i < 150; i++) a.writeChunk(idx, chunk);
                return 150;
            }));
        }
        Future<Integer> reader = pool.submit(() -> {
            int reads = 0;
            while (!stop.get()) {
                float[] c = (float[]) a.readChunk(idx);
                for (float v : c) if (v != c[0]) throw new AssertionError("a read mixed two writes: " + v + " and " + c[0]);
                if (c[0] != 0 && c[0] != 1 && c[0] != 2) throw new AssertionError("unexpected value " + c[0]);
                reads++;
            }
            return reads;
        });
        for (Future<Integer> w : writers) w.get(60, TimeUnit.SECONDS);
        stop.set(true);
        assertTrue(reader.get(60, TimeUnit.SECONDS) > 0);
        pool.shutdown();
        assertEquals(List.of(), leftovers(a.path()));
    }

    private static List<Path> leftovers(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".partial")).toList();
        }
    }
}
