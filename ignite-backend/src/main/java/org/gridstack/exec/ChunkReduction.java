package org.gridstack.exec;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Set;
import java.util.UUID;
import java.util.List;
import java.util.Map;
import org.apache.ignite.Ignite;
import org.apache.ignite.cluster.ClusterNode;
import org.gridstack.array.ArrayMeta;
import org.gridstack.base.GridStackException;
import org.gridstack.base.Progress;
import org.gridstack.telemetry.TaskLog;

/**
 * Runs a {@link ChunkReducer} over every chunk of an array where the chunks live: per owner node one job per CPU,
 * each folding a fixed share of that node's chunks; only the partials travel back, and the caller combines them.
 *
 * <p>A node that leaves meanwhile: the jobs that failed because of it (it ran them, or held a chunk they read)
 * are planned again, for just their chunks, on the owners the cluster has settled on since; the partials of jobs
 * that finished are kept. A partial counts only once its job returns, so every chunk counts exactly once.
 */
public final class ChunkReduction {
    /** Rounds of jobs: the first, then re-runs after nodes left. */
    private static final int MAX_ROUNDS = 4;

    private ChunkReduction() {}

    public static <P extends Serializable> P run(Ignite ignite, ArrayMeta array, ChunkReducer<P> reducer, Progress progress, TaskLog log) {
        long total = array.grid().chunkCount();
        try (ProgressChannel channel = new ProgressChannel(ignite, progress, log, total)) {
            P result = reducer.identity(array);
            long[] remaining = null;
            for (int round = 1; ; round++) {
                long topology = ignite.cluster().topologyVersion();
                TopologyFailures.awaitAffinity(ignite, TopologyFailures.NOTICE_TIMEOUT_MILLIS);
                Set<UUID> servers = TopologyFailures.servers(ignite);
                Map<ClusterNode, long[]> byOwner = remaining == null ? ChunkOwners.of(ignite, array) : ChunkOwners.of(ignite, array, remaining);
                JobBatch<P> batch = new JobBatch<>(ignite);
                List<long[]> shares = new ArrayList<>();
                for (Map.Entry<ClusterNode, long[]> e : byOwner.entrySet()) {
                    for (long[] share : ChunkOwners.shares(e.getValue(), ChunkOwners.cpus(e.getKey()))) {
                        batch.add(e.getKey(), new ReduceJob<>(array, reducer, share, channel.reporter()));
                        shares.add(share);
                    }
                }
                List<JobBatch.Outcome<P>> outcomes = batch.runEach(progress,
                        () -> array.name() + " (" + channel.done() + " of " + total + " chunks done)");
                List<Long> again = new ArrayList<>();
                RuntimeException lost = null;
                for (int j = 0; j < outcomes.size(); j++) {
                    JobBatch.Outcome<P> o = outcomes.get(j);
                    if (!o.failed()) {
                        result = reducer.combine(result, o.result);
                    } else if (TopologyFailures.isNodeLoss(o.failure)) {
                        for (long index : shares.get(j)) again.add(index);
                        lost = o.failure;
                    } else {
                        throw JobBatch.explain(o.failure, "grid job on '" + array.name() + "'");
                    }
                }
                if (again.isEmpty()) {
                    channel.awaitTrailingReports();
                    return result;
                }
                if (round >= MAX_ROUNDS || !TopologyFailures.settle(ignite, lost, topology, servers)) {
                    throw JobBatch.explain(lost, "grid job on '" + array.name() + "'");
                }
                remaining = again.stream().mapToLong(Long::longValue).toArray();
            }
        }
    }
}
