package org.gridstack;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Stream;
import org.gridstack.array.ArrayMeta;
import org.gridstack.array.DataType;
import org.gridstack.base.GridStackException;
import org.gridstack.base.Progress;
import org.gridstack.grid.DiskSpace;
import org.gridstack.ops.project.Projection;
import org.gridstack.ops.recenter.CropWindows;
import org.gridstack.sample.SyntheticStack;
import org.gridstack.telemetry.TaskEvent;
import org.gridstack.telemetry.TaskLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An array larger than the grid's memory: its chunks go to the node's disk as they are made and are read back from
 * there — the source is read once, not again at every pass.
 */
class OutOfCoreTest {
    private static final long REGION = 64L << 20;

    @TempDir
    Path work;

    private static long count(TaskLog log, TaskEvent.Kind kind) {
        return log.events().stream().filter(e -> e.kind == kind).count();
    }

    @Test
    void evictedChunksComeBackFromDiskNotFromTheSource() throws IOException {
        PatternSource src = new PatternSource(640, 512, 512, DataType.UINT8, 4, Set.of(3));
        try (SeparateGrid small = new SeparateGrid("out-of-core", 1, REGION, work)) {
            GridStack grid = small.grid;
            ArrayMeta in = grid.open("big", src, 8);
            assertTrue(in.spills(), "a 160 MB array in a 64 MB region spills: " + in);
            long chunks = in.grid().chunkCount();

            grid.persist("big", Progress.NONE);
            assertEquals(chunks, count(grid.lastTaskLog(), TaskEvent.Kind.MAKE), "persist reads the source once");
            assertEquals(chunks, grid.chunksInMemory("big"), "every chunk stored, on disk");

            double[] means = grid.sliceMeans("big", Progress.NONE); // from the sums persist kept
            for (int t : new int[] {0, 3, 321, 639}) {
                double sum = 0;
                for (int r = 0; r < 512; r++) for (int c = 0; c < 512; c++) sum += src.value(t, r, c);
                assertEquals(sum / (512.0 * 512.0), means[t], "mean of frame " + t);
            }
            for (int pass = 0; pass < 2; pass++) {
                double[] max = grid.project("big", Projection.MAX, Progress.NONE);
                TaskLog log = grid.lastTaskLog();
                assertEquals(0, count(log, TaskEvent.Kind.MAKE), "no chunk made again from the source");
                assertEquals(chunks, count(log, TaskEvent.Kind.SPILL), "every chunk read back from disk");
                for (int p : new int[] {0, 1000, 131071, 262143}) {
                    int m = 0;
                    for (int t = 0; t < 640; t++) m = Math.max(m, src.value(t, p / 512, p % 512));
                    assertEquals(m, max[p], "max of pixel " + p);
                }
            }
            // a frame of a spilled array in time-series blocks: a small part of each block's file
            ArrayMeta blocks = grid.rechunk("big", "big-blocks", 128, Progress.NONE);
            assertTrue(blocks.spills(), blocks.toString());
            byte[] frame = (byte[]) grid.frames("big-blocks", 321, 2);
            for (int i = 0; i < 2 * 512 * 512; i += 997) {
                assertEquals(src.value(321 + i / (512 * 512), (i / 512) % 512, i % 512), frame[i] & 0xff, "element " + i);
            }
            grid.drop("big-blocks");
            Path files = work.resolve("node0").resolve("gridstack-spill").resolve("chunks").resolve(in.id());
            assertEquals(chunks, fileCount(files), "one file per chunk");
            grid.drop("big");
            assertFalse(Files.exists(files) && fileCount(files) > 0, "dropping the array deletes its files");
        }
    }

    @Test
    void localImageFilesAreTheirOwnCopyOnDisk() throws IOException {
        String pattern = new SyntheticStack(160, 512, 512, 1).writeTiffs(work.resolve("tiffs"));
        try (SeparateGrid small = new SeparateGrid("local-files", 1, REGION, work)) {
            ArrayMeta files = small.grid.open("files", pattern, 0, -1, 8);
            assertTrue(files.bytes() > 0.6 * REGION, "larger than the memory share");
            assertFalse(files.spills(), "evicted chunks are read from the TIFF files again, not from a second copy");
            ArrayMeta recentered = small.grid.recenter("files", "files-rc", 256, Progress.NONE);
            assertTrue(recentered.spills() == recentered.bytes() + files.bytes() > 0.6 * REGION, recentered.toString());
        }
    }

    @Test
    void aPersistedStackLargerThanMemoryIsRecenteredFromTheWindowRowsOfItsFiles() throws IOException {
        int frames = 400, side = 512, crop = 200, half = crop / 2;
        SyntheticStack stack = new SyntheticStack(frames, side, side, 3);
        String pattern = stack.writeTiffs(work.resolve("rows"));
        try (SeparateGrid small = new SeparateGrid("window-rows", 1, REGION, work)) {
            ArrayMeta files = small.grid.open("files", pattern, 0, -1, 8);
            small.grid.persist("files", Progress.NONE);
            assertTrue(small.grid.chunksInMemory("files") < files.grid().chunkCount() / 2, "most of the stack is evicted");
            small.grid.recenter("files", "files-rc", crop, Progress.NONE);
            CropWindows windows = small.grid.cropWindows("files-rc");
            for (int t = 0; t < frames; t++) {
                byte[] frame = stack.frame(t);
                long total = 0, sx = 0, sy = 0;
                for (int r = 0; r < side; r++) {
                    for (int c = 0; c < side; c++) {
                        long v = frame[r * side + c] & 0xff;
                        total += v;
                        sx += r * v;
                        sy += c * v;
                    }
                }
                int row0 = Math.min(Math.max(total > 0 ? (int) ((double) sx / total) : 0, half), side - half) - half;
                int col0 = Math.min(Math.max(total > 0 ? (int) ((double) sy / total) : 0, half), side - half) - half;
                assertEquals(row0, windows.row0(t), "row0 of frame " + t);
                assertEquals(col0, windows.col0(t), "col0 of frame " + t);
                byte[] expected = new byte[crop * crop];
                for (int r = 0; r < crop; r++) System.arraycopy(frame, (row0 + r) * side + col0, expected, r * crop, crop);
                assertArrayEquals(expected, (byte[]) small.grid.frame("files-rc", t), "frame " + t);
            }
        }
    }

    @Test
    void anArrayThatFitsStaysInMemoryOnly() {
        GridStack grid = TestGrid.grid();
        PatternSource src = new PatternSource(8, 32, 32, DataType.UINT16, 2, Set.of());
        ArrayMeta meta = grid.open("fits", src, 4);
        assertFalse(meta.spills(), meta.toString());
        assertEquals(meta.bytes(), grid.persist("fits", Progress.NONE));
        double[] max = grid.project("fits", Projection.MAX, Progress.NONE);
        for (int p : new int[] {0, 33, 1023}) {
            int expected = 0;
            for (int t = 0; t < 8; t++) expected = Math.max(expected, src.value(t, p / 32, p % 32));
            assertEquals(expected, max[p], "max at pixel " + p);
        }
    }

    @Test
    void aDiskTooSmallIsRefusedUpFrontNamingTheFolder() {
        GridStack grid = TestGrid.grid();
        GridStackException e = assertThrows(GridStackException.class,
                () -> DiskSpace.require(grid.ignite(), Long.MAX_VALUE / 4, "a test of 2 EB"));
        assertTrue(e.getMessage().startsWith("a test of 2 EB needs about"), e.getMessage());
        assertTrue(e.getMessage().contains("GB free in") && e.getMessage().contains("gridstack-spill"), e.getMessage());
        assertTrue(e.getMessage().contains("gridstack.spill.dir"), e.getMessage());
    }

    private static long fileCount(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) return 0;
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(p -> p.toString().endsWith(".chunk")).count();
        }
    }
}
