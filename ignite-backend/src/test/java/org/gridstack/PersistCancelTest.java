package org.gridstack;

import org.gridstack.base.GridStackException;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gridstack.TestImages.Stack;
import org.gridstack.array.ArrayMeta;
import org.gridstack.base.Progress;
import org.gridstack.ops.project.Projection;
import org.gridstack.source.FileSliceSource;
import org.gridstack.source.SliceFormat;
import org.gridstack.source.SliceSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A persist cancelled from its Progress stops with "cancelled..." and leaves the array usable. */
class PersistCancelTest {
    @TempDir
    Path dir;

    /** Real files, read slowly (like a slow share), so a persist lasts long enough to be cancelled. */
    static final class SlowSource implements SliceSource {
        private static final long serialVersionUID = 1L;
        private final SliceSource files;
        private final long millisPerSlice;

        SlowSource(SliceSource files, long millisPerSlice) {
            this.files = files;
            this.millisPerSlice = millisPerSlice;
        }

        @Override
        public int size() {
            return files.size();
        }

        @Override
        public String where(int t) {
            return files.where(t);
        }

        @Override
        public SliceFormat probe() {
            return files.probe();
        }

        @Override
        public void read(int t0, int count, SliceFormat format, Object dest) {
            try {
                Thread.sleep(millisPerSlice * count);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            files.read(t0, count, format, dest);
        }

        @Override
        public String describe() {
            return "slowly " + files.describe();
        }
    }

    @Test
    void cancelAfterFirstUpdateThenPersistAgain() throws Exception {
        Stack s = TestImages.random(21, 20, 48, 64, true, 6);
        s.writeFiles(dir, "k_%02d.tif", "tiff", 0);
        List<String> paths = new ArrayList<>();
        for (int t = 0; t < 20; t++) paths.add(dir.resolve(String.format("k_%02d.tif", t)).toString());
        GridStack grid = TestGrid.grid();
        String name = "cancel-me";
        ArrayMeta meta = grid.open(name, new SlowSource(new FileSliceSource(paths, "test files"), 40), 1);
        assertEquals(20, meta.grid().chunkCount());

        AtomicBoolean updated = new AtomicBoolean();
        AtomicLong updates = new AtomicLong();
        Progress cancelAfterFirst = new Progress() {
            @Override
            public void update(long chunksDone, long chunksTotal, long bytesDone) {
                assertEquals(20, chunksTotal);
                updates.incrementAndGet();
                updated.set(true);
            }

            @Override
            public boolean isCancelled() {
                return updated.get();
            }
        };
        long start = System.nanoTime();
        GridStackException e = assertThrows(GridStackException.class, () -> grid.persist(name, cancelAfterFirst));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(e.getMessage().startsWith("cancelled"), e.getMessage());
        assertTrue(e.getMessage().contains(name), e.getMessage());
        Matcher m = Pattern.compile("\\((\\d+) of 20 chunks done\\)").matcher(e.getMessage());
        assertTrue(m.find(), e.getMessage());
        long done = Long.parseLong(m.group(1));
        assertTrue(done >= 1 && done < 20, "cancelled after " + done + " of 20 chunks");
        assertTrue(updates.get() >= 1);
        // the grid has stopped too when the cancel returns: no task left running, and chunks are missing
        assertTrue(grid.ignite().compute().activeTaskFutures().isEmpty(), "a cancelled task still runs");
        int inMemory = 0;
        for (long i = 0; i < meta.grid().chunkCount(); i++) if (grid.isInMemory(name, i)) inMemory++;
        assertTrue(inMemory < 20, "cancelled jobs went on making all chunks (returned after " + millis + " ms)");

        // still usable: persist again completes and every number is right
        assertEquals(meta.bytes(), grid.persist(name, Progress.NONE));
        for (long i = 0; i < meta.grid().chunkCount(); i++) assertTrue(grid.isInMemory(name, i), "chunk " + i);
        assertArrayEquals(TestImages.average(s), grid.project(name, Projection.AVERAGE, Progress.NONE));
        assertArrayEquals(TestImages.sliceMeans(s), grid.sliceMeans(name, Progress.NONE));
        for (int t = 0; t < 20; t++) assertArrayEquals((short[]) s.frames.get(t), (short[]) grid.frame(name, t), "frame " + t);
        grid.drop(name);
    }
}
