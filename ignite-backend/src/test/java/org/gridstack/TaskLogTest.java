package org.gridstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.gridstack.sample.SyntheticStack;
import org.gridstack.base.Progress;
import org.gridstack.ops.project.Projection;
import org.gridstack.telemetry.TaskEvent;
import org.gridstack.telemetry.TaskLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every chunk job reports what it did; the caller's task log has one fetch and one compute event per chunk. */
class TaskLogTest {
    @TempDir
    Path dir;

    @Test
    void persistMakesEveryChunkOnceThenProjectionReadsThemLocally() throws Exception {
        GridStack grid = TestGrid.grid();
        grid.open("tasklog", new SyntheticStack(14, 20, 30, 2).writeTiffs(dir), 0, -1, 3);
        grid.persist("tasklog", Progress.NONE);
        TaskLog persist = grid.lastTaskLog();
        assertEquals("persist tasklog", persist.operation());
        assertKinds(persist, TaskEvent.Kind.MAKE, 5);
        assertEquals(14L * 20 * 30, persist.bytes(TaskEvent.Kind.MAKE));

        grid.project("tasklog", Projection.MAX, Progress.NONE);
        TaskLog max = grid.lastTaskLog();
        assertEquals("max intensity of tasklog", max.operation());
        assertKinds(max, TaskEvent.Kind.READ, 5);
        assertEquals(0, max.bytes(TaskEvent.Kind.TRANSFER), "one node: nothing crosses the network");
        for (TaskEvent e : max.events()) {
            assertTrue(e.startMicros >= max.startMicros() && e.endMicros <= max.endMicros() && e.durationMicros() >= 0, e.toString());
        }
    }

    @Test
    void theShufflesTaskLogShowsEveryPhase() throws Exception {
        GridStack grid = TestGrid.grid();
        grid.open("tasklog-src", new SyntheticStack(24, 32, 32, 4).writeTiffs(dir.resolve("shuffle")), 0, -1, 6);
        long budget = grid.shuffleBytes();
        try {
            grid.shuffleBytes(24L * 8 * 8 * 5); // five of the sixteen 8 x 8 blocks in memory, the others spill
            grid.fftPower("tasklog-src", "tasklog-power", 8, Progress.NONE);
        } finally {
            grid.shuffleBytes(budget);
        }
        TaskLog log = grid.lastTaskLog();
        Set<Long> read = new TreeSet<>(), transformed = new TreeSet<>(), spilled = new TreeSet<>();
        for (TaskEvent e : log.events()) {
            if (e.array.equals("tasklog-src")) read.add(e.chunk);
            else if (e.kind == TaskEvent.Kind.COMPUTE) transformed.add(e.chunk);
            else if (e.kind == TaskEvent.Kind.SPILL) spilled.add(e.chunk);
        }
        assertEquals(Set.of(0L, 1L, 2L, 3L), read, "scatter: every input chunk read");
        assertEquals(16, transformed.size(), "finish: every block transformed and stored");
        assertTrue(!spilled.isEmpty(), "spills: pieces written to disk and read back");
        assertTrue(log.bytes(TaskEvent.Kind.SPILL) > 0);
    }

    private static void assertKinds(TaskLog log, TaskEvent.Kind fetch, int chunks) {
        List<TaskEvent> events = log.events();
        Set<Long> fetched = new TreeSet<>(), computed = new TreeSet<>();
        for (TaskEvent e : events) {
            if (e.kind == fetch) fetched.add(e.chunk);
            else if (e.kind == TaskEvent.Kind.COMPUTE) computed.add(e.chunk);
            else throw new AssertionError("unexpected " + e);
        }
        assertEquals(2 * chunks, events.size(), events.toString());
        assertEquals(Set.of(0L, 1L, 2L, 3L, 4L), fetched);
        assertEquals(fetched, computed);
    }
}
