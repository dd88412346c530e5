package org.gridstack.exec;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteException;
import org.apache.ignite.cluster.ClusterNode;
import org.apache.ignite.compute.ComputeJob;
import org.apache.ignite.compute.ComputeJobResult;
import org.apache.ignite.compute.ComputeJobResultPolicy;
import org.apache.ignite.compute.ComputeTaskAdapter;
import org.apache.ignite.resources.IgniteInstanceResource;
import org.gridstack.array.ArrayMeta;
import org.gridstack.store.ChunkKey;
import org.gridstack.store.ChunkStore;
import org.gridstack.grid.GridCaches;
import org.gridstack.exec.TopologyFailures;

/**
 * Maps a chunk reduction to the nodes that own the chunks: per node, one job per CPU, each with a fixed share of
 * that node's chunks (a fixed share, so a job re-run elsewhere after a node failure counts its chunks exactly once).
 */
final class ChunkTask<P extends Serializable> extends ComputeTaskAdapter<Void, P> {
    private static final long serialVersionUID = 1L;

    private final ArrayMeta array;
    private final ChunkReducer<P> reducer;
    private final UUID caller;
    private final String progressTopic;

    @IgniteInstanceResource
    private transient Ignite ignite;

    ChunkTask(ArrayMeta array, ChunkReducer<P> reducer, UUID caller, String progressTopic) {
        this.array = array;
        this.reducer = reducer;
        this.caller = caller;
        this.progressTopic = progressTopic;
    }

    @Override
    public Map<? extends ComputeJob, ClusterNode> map(List<ClusterNode> subgrid, Void arg) {
        List<ChunkKey> keys = new ArrayList<>();
        for (long i = 0; i < array.grid().chunkCount(); i++) keys.add(ChunkStore.key(array, i));
        Map<ClusterNode, Collection<ChunkKey>> byOwner = ignite.<ChunkKey>affinity(GridCaches.CHUNKS).mapKeysToNodes(keys);
        Map<ComputeJob, ClusterNode> jobs = new HashMap<>();
        for (Map.Entry<ClusterNode, Collection<ChunkKey>> e : byOwner.entrySet()) {
            ClusterNode node = e.getKey();
            long[] owned = e.getValue().stream().mapToLong(ChunkKey::index).sorted().toArray();
            int jobCount = Math.min(owned.length, Math.max(1, node.metrics().getTotalCpus()));
            for (int j = 0; j < jobCount; j++) {
                long[] share = new long[(owned.length - j + jobCount - 1) / jobCount];
                for (int k = 0; k < share.length; k++) share[k] = owned[j + k * jobCount];
                jobs.put(new ChunkJob<>(array, reducer, share, caller, progressTopic), node);
            }
        }
        return jobs;
    }

    /**
     * Ignite fails over a job whose node left, but not one that failed on a live node because another node left
     * under it (say, the owner of a chunk it was reading): that one is re-run elsewhere too. Its share is fixed and
     * its partial is only counted when it returns, so every chunk still counts exactly once.
     */
    @Override
    public ComputeJobResultPolicy result(ComputeJobResult res, List<ComputeJobResult> received) throws IgniteException {
        if (res.getException() != null && TopologyFailures.isNodeLoss(res.getException())) return ComputeJobResultPolicy.FAILOVER;
        return super.result(res, received);
    }

    @Override
    @SuppressWarnings("unchecked")
    public P reduce(List<ComputeJobResult> results) throws IgniteException {
        P total = reducer.identity(array);
        for (ComputeJobResult r : results) total = reducer.combine(total, (P) r.getData());
        return total;
    }
}
