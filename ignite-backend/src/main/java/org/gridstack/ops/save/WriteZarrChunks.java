package org.gridstack.ops.save;

import java.nio.file.Path;
import java.util.List;
import org.apache.ignite.Ignite;
import org.apache.ignite.resources.IgniteInstanceResource;
import org.gridstack.array.ArrayMeta;
import org.gridstack.exec.CancellableJob;
import org.gridstack.exec.NodeNames;
import org.gridstack.exec.ProgressReporter;
import org.gridstack.store.ChunkStore;
import org.gridstack.telemetry.TaskClock;
import org.gridstack.telemetry.TaskEvent;
import org.gridstack.zarr.ZarrArray;

/** Runs where its chunks live: writes each into the Zarr array as the chunk of the same position. */
final class WriteZarrChunks extends CancellableJob<Long> {
    private static final long serialVersionUID = 1L;

    private final ArrayMeta array;
    private final String zarrPath;
    private final long[] chunks;
    private final ProgressReporter reporter;

    @IgniteInstanceResource
    private transient Ignite ignite;

    WriteZarrChunks(ArrayMeta array, String zarrPath, long[] chunks, ProgressReporter reporter) {
        this.array = array;
        this.zarrPath = zarrPath;
        this.chunks = chunks;
        this.reporter = reporter;
    }

    @Override
    protected Long run() {
        ChunkStore store = new ChunkStore(ignite);
        ZarrArray zarr = ZarrArray.open(Path.of(zarrPath));
        String node = NodeNames.of(ignite), thread = Thread.currentThread().getName();
        long written = 0;
        for (long index : chunks) {
            if (isCancelled()) break;
            long bytes = array.chunkBytes(index);
            long t0 = TaskClock.micros();
            ChunkStore.Fetched fetched = store.fetch(array, index);
            long t1 = TaskClock.micros();
            zarr.writeChunk(array.grid().position(index), fetched.chunk);
            written += bytes;
            reporter.report(ignite, index, bytes, List.of(
                    new TaskEvent(fetched.how, array.name(), index, node, thread, t0, t1, bytes),
                    new TaskEvent(TaskEvent.Kind.SPILL, array.name(), index, node, thread, t1, TaskClock.micros(), bytes)));
        }
        return written;
    }
}
