package org.gridstack.shuffle;

import java.util.ArrayList;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.LongStream;
import org.apache.ignite.Ignite;
import org.apache.ignite.cluster.ClusterNode;
import org.gridstack.array.ArrayMeta;
import org.gridstack.base.GridStackException;
import org.gridstack.base.Progress;
import org.gridstack.exec.ChunkOwners;
import org.gridstack.exec.JobBatch;
import org.gridstack.exec.ProgressChannel;
import org.gridstack.exec.TopologyFailures;
import org.gridstack.grid.DiskSpace;
import org.gridstack.store.ChunkStore;
import org.gridstack.telemetry.TaskLog;

/**
 * The all-to-all shuffle from one chunk layout to another (rechunk), reading each input chunk once, in bounded
 * memory. Two phases:
 * <ol>
 *   <li>scatter — on every node, jobs over the node's own input chunks read each chunk once, cut out the pieces of
 *       the output blocks and hand them to each block's owner (grouped per owner, one chunk's pieces in flight per
 *       job). An owner assembles blocks in memory while its share of the memory budget lasts and appends the pieces
 *       of the other blocks to files on its local disk (as Dask's P2P rechunk and pangeo's rechunker buffer them);</li>
 *   <li>finish — on every owner, one job per core takes each block (put together from its file if it was spilled),
 *       transforms it and stores it there.</li>
 * </ol>
 * So the heap holds at most the budget's blocks plus one input chunk and one chunk's pieces per job, and the disk
 * at most the rest of the output once, whatever the array's size.
 *
 * <p>Progress units: input chunk c is unit c, output block b is unit {@code inputs + b}. Blocks already stored (an
 * earlier, interrupted run of the same making) are kept and not made again. If a node leaves, the attempt is
 * dropped everywhere (its assemblies and spill files; late pieces for it are refused) and the blocks not stored yet
 * are made by a new attempt with their current owners: input chunks lost with the node are remade from their
 * recipes or read from backups, and every block is a pure function of its inputs, so results are the same.
 */
public final class Shuffle {
    /** Scatter jobs per node; well below Ignite's public pool (at least 8), which the deliveries also need. */
    private static final int MAX_SCATTER_JOBS_PER_NODE = 4;
    /** Attempts: the first, then new ones after nodes left. */
    private static final int MAX_ATTEMPTS = 4;

    private final Ignite ignite;
    private final ChunkStore store;

    public Shuffle(Ignite ignite) {
        this.ignite = ignite;
        this.store = new ChunkStore(ignite);
    }

    /**
     * Makes every chunk of {@code target} from {@code source}: each output block is assembled in the source's type
     * and geometry of {@code target}'s chunks, then stored as {@code transform} makes it. At most
     * {@code memoryBytes} of blocks (over the whole grid) are assembled in memory; the rest spill to the owners'
     * disks. Task events (reads of input chunks, pieces sent to other nodes, spills, each block's transform) go to
     * {@code log}.
     */
    public void run(ArrayMeta source, ArrayMeta target, BlockTransform transform, long memoryBytes, Progress progress, TaskLog log) {
        run(source, target, false, transform, memoryBytes, progress, log);
    }

    /**
     * As {@link #run(ArrayMeta, ArrayMeta, BlockTransform, long, Progress, TaskLog)}; {@code fresh}: no chunk of
     * {@code target} can be stored yet (a new array), so the first attempt makes every block without asking the
     * grid block by block (a round trip each) which ones are there.
     */
    public void run(ArrayMeta source, ArrayMeta target, boolean fresh, BlockTransform transform, long memoryBytes, Progress progress,
            TaskLog log) {
        ArrayMeta layout = target.as(source.type());
        String id = UUID.randomUUID().toString();
        long inputs = source.grid().chunkCount();
        try (ProgressChannel channel = new ProgressChannel(ignite, progress, log, inputs + target.grid().chunkCount())) {
            for (int tries = 1; ; tries++) {
                long topology = ignite.cluster().topologyVersion();
                TopologyFailures.awaitAffinity(ignite, TopologyFailures.NOTICE_TIMEOUT_MILLIS);
                Set<UUID> servers = TopologyFailures.servers(ignite);
                String attempt = id + "-" + tries;
                try {
                    // asking which blocks are stored and who owns them can meet a node that has just left, too
                    long[] missing = fresh && tries == 1 ? allBlocks(target) : missingBlocks(target, channel, inputs);
                    if (missing.length == 0) break;
                    if (progress.isCancelled()) throw new GridStackException("cancelled: " + target.name() + " (running it again finishes it)");
                    ShufflePlan plan = plan(attempt, layout, missing, memoryBytes);
                    try {
                        requireDisk(layout, plan, memoryBytes);
                        runPlan(plan, source, layout, target, transform, inputs, channel, progress);
                    } finally {
                        forget(attempt);
                    }
                    break;
                } catch (RuntimeException e) {
                    if (tries >= MAX_ATTEMPTS || progress.isCancelled() || !TopologyFailures.settle(ignite, e, topology, servers)) throw e;
                }
            }
            channel.awaitTrailingReports();
        }
    }

    private static long[] allBlocks(ArrayMeta target) {
        return LongStream.range(0, target.grid().chunkCount()).toArray();
    }

    /** The blocks of {@code target} not stored yet; those stored count as done. */
    private long[] missingBlocks(ArrayMeta target, ProgressChannel channel, long inputs) {
        List<Long> missing = new ArrayList<>();
        for (long b = 0; b < target.grid().chunkCount(); b++) {
            if (store.contains(target, b)) channel.markDone(inputs + b, target.chunkBytes(b));
            else missing.add(b);
        }
        return missing.stream().mapToLong(Long::longValue).toArray();
    }

    private ShufflePlan plan(String attempt, ArrayMeta layout, long[] blocks, long memoryBytes) {
        UUID[] owners = new UUID[blocks.length];
        for (int i = 0; i < blocks.length; i++) owners[i] = store.owner(layout, blocks[i]).id();
        int servers = Math.max(1, ignite.cluster().forServers().nodes().size());
        return new ShufflePlan(attempt, Math.max(1, memoryBytes / servers), blocks, owners);
    }

    /** The blocks beyond the memory budget go to the owners' disks: refuse up front if they cannot take them. */
    private void requireDisk(ArrayMeta layout, ShufflePlan plan, long memoryBytes) {
        long bytes = 0;
        for (int i = 0; i < plan.size(); i++) bytes += layout.chunkBytes(plan.block(i));
        if (bytes <= memoryBytes) return;
        int owners = plan.distinctOwners().length;
        DiskSpace.require(ignite, (bytes - memoryBytes) / owners + 1, "the shuffle into '" + layout.name() + "'");
    }

    private void runPlan(ShufflePlan plan, ArrayMeta source, ArrayMeta layout, ArrayMeta target, BlockTransform transform,
            long inputs, ProgressChannel channel, Progress progress) {
        String what = "the shuffle into '" + target.name() + "'";
        JobBatch<Object> scatter = new JobBatch<>(ignite);
        for (Map.Entry<ClusterNode, long[]> e : ChunkOwners.of(ignite, source).entrySet()) {
            int jobs = Math.min(MAX_SCATTER_JOBS_PER_NODE, ChunkOwners.cpus(e.getKey()));
            for (long[] share : ChunkOwners.shares(e.getValue(), jobs)) {
                scatter.add(e.getKey(), new ScatterJob(plan, source, layout, share, channel.reporter()));
            }
        }
        scatter.runAll(progress, target::name, what);
        JobBatch<Integer> finish = new JobBatch<>(ignite);
        for (UUID id : plan.distinctOwners()) {
            ClusterNode node = ignite.cluster().node(id);
            if (node == null) throw new GridStackException("node " + id + " left during the shuffle; run it again");
            for (int j = 0; j < ChunkOwners.cpus(node); j++) {
                finish.add(node, new FinishJob(plan, layout, target, transform, inputs, channel.reporter()));
            }
        }
        long stored = 0;
        for (Integer n : finish.runAll(progress, target::name, what)) stored += n;
        if (stored != plan.size()) {
            throw new GridStackException(what + " stored " + stored + " of " + plan.size() + " blocks: a node left meanwhile; run it again");
        }
    }

    /** Drops an attempt's assemblies and spill files on every server. */
    private void forget(String attempt) {
        try {
            ignite.compute(ignite.cluster().forServers()).broadcast(new ForgetAssemblies(attempt));
        } catch (RuntimeException ignored) {
            // a node that left took its assemblies with it
        }
    }
}
