package org.gridstack;

import org.gridstack.base.GridStackException;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.gridstack.array.ArrayMeta;
import org.gridstack.grid.GridCaches;
import org.gridstack.store.ArrayCatalog;
import org.gridstack.store.ChunkStore;
import org.gridstack.sample.SyntheticStack;
import org.gridstack.base.Progress;
import org.gridstack.telemetry.TaskEvent;
import org.gridstack.source.StackSources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cancelling FFT power or recenter leaves the array cataloged and marked half-made; running the operation again
 * finishes it, reusing what was made (a shuffle keeps the blocks stored and reads each input chunk once), and gives
 * exactly what an uninterrupted run gives.
 */
class ResumeTest {
    @TempDir
    Path dir;

    /** Cancels once {@code after} chunk reports have arrived. */
    static final class CancelAfter implements Progress {
        private final long after;
        private volatile long seen;

        CancelAfter(long after) {
            this.after = after;
        }

        @Override
        public void update(long done, long total, long bytes) {
            seen = done;
        }

        @Override
        public boolean isCancelled() {
            return seen >= after;
        }
    }

    @Test
    void cancelledFftPowerIsMarkedAndFinishedByRunningItAgain() throws Exception {
        GridStack grid = TestGrid.grid();
        String pattern = new SyntheticStack(40, 64, 64, 3).writeTiffs(dir);
        grid.open("resume-src", pattern, 0, -1, 8);
        ArrayMeta whole = grid.fftPower("resume-src", "resume-whole", 16, Progress.NONE);
        grid.open("resume-slow", new PersistCancelTest.SlowSource(StackSources.of(pattern, 0, -1), 40), 8);
        GridStackException cancelled = assertThrows(GridStackException.class,
                () -> grid.fftPower("resume-slow", "resume-power", 16, new CancelAfter(1)));
        assertTrue(cancelled.getMessage().startsWith("cancelled: resume-power"), cancelled.getMessage());
        ArrayMeta half = grid.array("resume-power");
        assertNotNull(half.incompleteNote(), "marked half-made");

        ArrayMeta finished = grid.fftPower("resume-slow", "resume-power", 16, Progress.NONE);
        assertNull(finished.incompleteNote());
        assertEquals(half.id(), finished.id(), "the same making, finished");
        assertArrayEquals((float[]) grid.frames(whole.name(), 0, 40), (float[]) grid.frames("resume-power", 0, 40));
    }

    @Test
    void halfMadeFftPowerKeepsItsBlocksAndReadsEachInputOnce() throws Exception {
        GridStack grid = TestGrid.grid();
        grid.open("kept-src", new SyntheticStack(40, 64, 64, 5).writeTiffs(dir), 0, -1, 8);
        ArrayMeta whole = grid.fftPower("kept-src", "kept-whole", 16, Progress.NONE);
        // as an interrupted run leaves it: 6 of its 16 blocks stored, marked half-made
        ArrayMeta made = grid.fftPower("kept-src", "kept-power", 16, Progress.NONE);
        assertTrue(!made.spills(), "blocks in the grid's memory, where this test removes some");
        for (long b = 6; b < 16; b++) grid.ignite().cache(GridCaches.CHUNKS).remove(ChunkStore.key(made, b));
        new ArrayCatalog(grid.ignite()).put(made.incomplete("interrupted"));
        int inputs = 5;

        ArrayMeta finished = grid.fftPower("kept-src", "kept-power", 16, Progress.NONE);
        assertNull(finished.incompleteNote());
        assertEquals(made.id(), finished.id(), "the same making, finished");
        long reads = grid.lastTaskLog().events().stream().filter(e -> e.array.equals("kept-src")).count();
        assertEquals(inputs, reads, "each input chunk read once");
        long transformed = grid.lastTaskLog().events().stream()
                .filter(e -> e.array.equals("kept-power") && e.kind == TaskEvent.Kind.COMPUTE).count();
        assertEquals(10, transformed, "only the 10 missing blocks are made");
        assertEquals(16, grid.chunksInMemory("kept-power"));
        assertArrayEquals((float[]) grid.frames(whole.name(), 0, 40), (float[]) grid.frames("kept-power", 0, 40));
    }

    @Test
    void cancelledRecenterIsMarkedAndFinishedByRunningItAgain() throws Exception {
        GridStack grid = TestGrid.grid();
        String pattern = new SyntheticStack(24, 40, 48, 8).writeTiffs(dir);
        grid.open("recenter-src", pattern, 0, -1, 2);
        ArrayMeta clean = grid.recenter("recenter-src", "recenter-clean", 20, Progress.NONE);

        grid.open("recenter-slow", new PersistCancelTest.SlowSource(StackSources.of(pattern, 0, -1), 40), 2);
        assertThrows(GridStackException.class, () -> grid.recenter("recenter-slow", "recenter-half", 20, new CancelAfter(1)));
        ArrayMeta half = grid.array("recenter-half");
        assertNotNull(half.incompleteNote(), "marked half-made");
        assertTrue(half.toString().contains("incomplete"), half.toString());
        long made = grid.chunksInMemory("recenter-half");
        assertTrue(made < 12, made + " of 12 chunks made before the cancel");

        ArrayMeta finished = grid.recenter("recenter-slow", "recenter-half", 20, Progress.NONE);
        assertNull(finished.incompleteNote());
        assertArrayEquals((byte[]) grid.frames(clean.name(), 0, 24), (byte[]) grid.frames("recenter-half", 0, 24));
        assertEquals(grid.cropWindows(clean.name()).row0(7), grid.cropWindows("recenter-half").row0(7));
    }
}
