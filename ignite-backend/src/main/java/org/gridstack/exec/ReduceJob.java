package org.gridstack.exec;

import java.io.Serializable;
import java.util.List;
import org.apache.ignite.Ignite;
import org.apache.ignite.resources.IgniteInstanceResource;
import org.gridstack.array.ArrayMeta;
import org.gridstack.store.ChunkStore;
import org.gridstack.telemetry.TaskClock;
import org.gridstack.telemetry.TaskEvent;

/**
 * Runs on the node that owns its chunks: folds a fixed list of them into one partial, reporting each chunk done.
 * A cancelled job stops before its next chunk.
 */
final class ReduceJob<P extends Serializable> extends CancellableJob<P> {
    private static final long serialVersionUID = 1L;

    private final ArrayMeta array;
    private final ChunkReducer<P> reducer;
    private final long[] chunks;
    private final ProgressReporter reporter;

    @IgniteInstanceResource
    private transient Ignite ignite;

    ReduceJob(ArrayMeta array, ChunkReducer<P> reducer, long[] chunks, ProgressReporter reporter) {
        this.array = array;
        this.reducer = reducer;
        this.chunks = chunks;
        this.reporter = reporter;
    }

    @Override
    protected P run() {
        ChunkStore store = new ChunkStore(ignite);
        P partial = reducer.identity(array);
        String node = NodeNames.of(ignite);
        String thread = Thread.currentThread().getName();
        for (long index : chunks) {
            if (isCancelled()) return partial;
            long bytes = array.chunkBytes(index);
            long t0 = TaskClock.micros();
            ChunkStore.Fetched fetched = store.fetch(array, index);
            long t1 = TaskClock.micros();
            partial = reducer.accumulate(partial, array, index, fetched.chunk);
            long t2 = TaskClock.micros();
            reporter.report(ignite, index, bytes, List.of(
                    new TaskEvent(fetched.how, array.name(), index, node, thread, t0, t1, bytes),
                    new TaskEvent(TaskEvent.Kind.COMPUTE, array.name(), index, node, thread, t1, t2, bytes)));
        }
        return reducer.partialDone(partial);
    }
}
