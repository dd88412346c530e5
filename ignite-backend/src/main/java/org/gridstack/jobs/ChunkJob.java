package org.gridstack.jobs;

import java.io.Serializable;
import java.util.UUID;
import org.apache.ignite.Ignite;
import org.apache.ignite.cluster.ClusterGroup;
import org.apache.ignite.compute.ComputeJobAdapter;
import org.apache.ignite.resources.IgniteInstanceResource;
import org.gridstack.array.ArrayMeta;
import org.gridstack.grid.ChunkStore;

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
        for (long index : chunks) {
            if (isCancelled()) return partial;
            partial = reducer.accumulate(partial, array, index, store.get(array, index));
            ignite.message(callerNode).send(progressTopic, array.chunkBytes(index));
        }
        return partial;
    }
}
