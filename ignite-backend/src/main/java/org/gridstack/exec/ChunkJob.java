package org.gridstack.exec;

import org.gridstack.telemetry.ChunkReport;
import org.gridstack.telemetry.TaskClock;
import org.gridstack.telemetry.TaskEvent;
import java.io.Serializable;
import java.util.List;
import java.util.UUID;
import org.apache.ignite.Ignite;
import org.apache.ignite.cluster.ClusterGroup;
import org.apache.ignite.compute.ComputeJobAdapter;
import org.apache.ignite.resources.IgniteInstanceResource;
import org.gridstack.array.ArrayMeta;
import org.gridstack.store.ChunkStore;

/** Folds a fixed list of chunks (owned by the node it runs on) into one partial, reporting each chunk done. */
final class ChunkJob<P extends Serializable> extends ComputeJobAdapter {
    private static final long serialVersionUID = 1L;

    private final ArrayMeta array;
    private final ChunkReducer<P> reducer;
    private final long[] chunks;
    private final UUID caller;
    private final String progressTopic;

    @IgniteInstanceResource
    private transient Ignite ignite;

    ChunkJob(ArrayMeta array, ChunkReducer<P> reducer, long[] chunks, UUID caller, String progressTopic) {
        this.array = array;
        this.reducer = reducer;
        this.chunks = chunks;
        this.caller = caller;
        this.progressTopic = progressTopic;
    }

    @Override
    public P execute() {
        ChunkStore store = new ChunkStore(ignite);
        ClusterGroup callerNode = ignite.cluster().forNodeId(caller);
        P partial = reducer.identity(array);
        String node = ignite.name() == null ? ignite.cluster().localNode().consistentId().toString() : ignite.name();
        String thread = Thread.currentThread().getName();
        for (long index : chunks) {
            if (isCancelled()) return partial;
            long bytes = array.chunkBytes(index);
            long t0 = TaskClock.micros();
            ChunkStore.Fetched fetched = store.fetch(array, index);
            long t1 = TaskClock.micros();
            partial = reducer.accumulate(partial, array, index, fetched.chunk);
            long t2 = TaskClock.micros();
            List<TaskEvent> events = List.of(
                    new TaskEvent(fetched.how, array.name(), index, node, thread, t0, t1, bytes),
                    new TaskEvent(TaskEvent.Kind.COMPUTE, array.name(), index, node, thread, t1, t2, bytes));
            ignite.message(callerNode).send(progressTopic, new ChunkReport(bytes, events));
        }
        return partial;
    }
}
