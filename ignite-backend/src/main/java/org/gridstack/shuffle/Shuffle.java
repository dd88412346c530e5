package org.gridstack.shuffle;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.ignite.Ignite;
import org.apache.ignite.cluster.ClusterNode;
import org.gridstack.array.ArrayMeta;
import org.gridstack.base.GridStackException;
import org.gridstack.base.Progress;
import org.gridstack.exec.ChunkOwners;
import org.gridstack.exec.JobBatch;
import org.gridstack.exec.ProgressChannel;
import org.gridstack.exec.TopologyFailures;
import org.gridstack.store.ChunkStore;
import org.gridstack.telemetry.TaskLog;

/**
 * The all-to-all shuffle from one chunk layout to another (rechunk), with bounded memory. Output blocks are made
 * in waves of consecutive blocks whose assembly buffers fit {@code waveBytes} (summed over the grid). Per wave:
 * <ol>
 *   <li>scatter — on every node, jobs over the node's own input chunks cut out the pieces of the wave's blocks and
 *       deliver them to each block's owner (grouped per owner, one chunk's pieces in flight per job), where they
 *       are copied into a per-block assembly buffer;</li>
 *   <li>finish — on every owner, one job per core transforms each assembled block and stores it locally.</li>
 * </ol>
 * An input chunk is read once per wave it overlaps (waves are bands of block rows, so a frame chunk overlaps them
 * all); chunks evicted meanwhile are remade from their recipe. So the heap holds at most a wave's blocks plus one
 * input chunk and one chunk's pieces per job, whatever the array's size.
 *
 * <p>Progress units: input chunk c of wave w is unit {@code w * inputs + c}; output block b is unit
 * {@code waves * inputs + b}. A wave that fails because a node left is redone from scratch under a new id (the
 * failed attempt's assemblies are dropped everywhere and refused from then on), with the blocks' current owners:
 * blocks stored before are stored again with the same values, and input chunks lost with the node are remade from
 * their recipes or read from backups. A wave whose blocks are all stored already (an earlier, cancelled run of the
 * same shuffle made them) is skipped.
 */
public final class Shuffle {
    /** Scatter jobs per node; well below Ignite's public pool (at least 8), which the deliveries also need. */
    private static final int MAX_SCATTER_JOBS_PER_NODE = 4;
    /** Tries per wave: the first, then redos after nodes left. */
    private static final int MAX_WAVE_ATTEMPTS = 4;

    private final Ignite ignite;
    private final ChunkStore store;

    public Shuffle(Ignite ignite) {
        this.ignite = ignite;
        this.store = new ChunkStore(ignite);
    }

    /**
     * Makes every chunk of {@code target} from {@code source}: each output block is assembled in the source's type
     * and geometry of {@code target}'s chunks, then stored as {@code transform} makes it. Task events (reads of
     * input chunks, pieces sent to other nodes as TRANSFER, each block's transform) go to {@code log}.
     */
    public void run(ArrayMeta source, ArrayMeta target, BlockTransform transform, long waveBytes, Progress progress, TaskLog log) {
        ArrayMeta layout = target.as(source.type());
        String id = UUID.randomUUID().toString();
        List<Wave> waves = waves(layout, waveBytes);
        long inputs = source.grid().chunkCount();
        long firstBlockUnit = waves.size() * inputs;
        String attempt = id;
        int redos = 0;
        try (ProgressChannel channel = new ProgressChannel(ignite, progress, log, firstBlockUnit + target.grid().chunkCount())) {
            for (int w = 0; w < waves.size(); w++) {
                if (progress.isCancelled()) {
                    throw new GridStackException("cancelled: " + target.name() + " (" + w + " of " + waves.size()
                            + " waves done; running it again finishes it)");
                }
                Wave planned = waves.get(w);
                if (allStored(target, planned)) {
                    for (long c = 0; c < inputs; c++) channel.markDone(w * inputs + c, source.chunkBytes(c));
                    for (long b = planned.first; b < planned.end(); b++) channel.markDone(firstBlockUnit + b, target.chunkBytes(b));
                    continue;
                }
                for (int tries = 1; ; tries++) {
                    long topology = ignite.cluster().topologyVersion();
                    try {
                        runWave(attempt, source, layout, target, transform, withOwnersNow(planned, layout),
                                new long[] {w * inputs, firstBlockUnit}, channel, progress);
                        break;
                    } catch (RuntimeException e) {
                        if (tries >= MAX_WAVE_ATTEMPTS || progress.isCancelled() || !TopologyFailures.settle(ignite, e, topology)) throw e;
                        forget(attempt);
                        attempt = id + "-redo-" + (++redos);
                    }
                }
            }
            channel.awaitTrailingReports();
        } finally {
            forget(attempt);
        }
    }

    private boolean allStored(ArrayMeta target, Wave wave) {
        for (long b = wave.first; b < wave.end(); b++) {
            if (!store.contains(target, b)) return false;
        }
        return true;
    }

    /** {@code units}: the first unit of this wave's input chunks, and of the output blocks. */
    private void runWave(String id, ArrayMeta source, ArrayMeta layout, ArrayMeta target, BlockTransform transform, Wave wave,
            long[] units, ProgressChannel channel, Progress progress) {
        String what = "the shuffle into '" + target.name() + "'";
        JobBatch<Long> scatter = new JobBatch<>(ignite);
        for (Map.Entry<ClusterNode, long[]> e : ChunkOwners.of(ignite, source).entrySet()) {
            int jobs = Math.min(MAX_SCATTER_JOBS_PER_NODE, ChunkOwners.cpus(e.getKey()));
            for (long[] share : ChunkOwners.shares(e.getValue(), jobs)) {
                scatter.add(e.getKey(), new ScatterJob(id, source, layout, share, wave, units[0], channel.reporter()));
            }
        }
        scatter.runAll(progress, target::name, what);
        JobBatch<Integer> finish = new JobBatch<>(ignite);
        for (ClusterNode node : owners(wave)) {
            for (int j = 0; j < ChunkOwners.cpus(node); j++) {
                finish.add(node, new FinishJob(id, target, transform, units[1], channel.reporter()));
            }
        }
        long stored = 0;
        for (Integer n : finish.runAll(progress, target::name, what)) stored += n;
        if (stored != wave.size()) {
            throw new GridStackException(what + " stored " + stored + " of " + wave.size() + " blocks of a wave: a node left meanwhile; run it again");
        }
    }

    /** Consecutive blocks, as many as fit the budget (at least one). */
    private static List<Wave> waves(ArrayMeta layout, long waveBytes) {
        List<Wave> waves = new ArrayList<>();
        long blocks = layout.grid().chunkCount();
        long first = 0;
        while (first < blocks) {
            long end = first, bytes = 0;
            while (end < blocks && (end == first || bytes + layout.chunkBytes(end) <= waveBytes)) bytes += layout.chunkBytes(end++);
            waves.add(new Wave(first, new UUID[(int) (end - first)]));
            first = end;
        }
        return waves;
    }

    /** The same blocks with the nodes that own them now: nodes may have left or joined since the waves were cut. */
    private Wave withOwnersNow(Wave wave, ArrayMeta layout) {
        UUID[] owners = new UUID[wave.size()];
        for (int i = 0; i < owners.length; i++) owners[i] = store.owner(layout, wave.first + i).id();
        return new Wave(wave.first, owners);
    }

    private List<ClusterNode> owners(Wave wave) {
        List<ClusterNode> nodes = new ArrayList<>();
        for (UUID id : new LinkedHashSet<>(Arrays.asList(wave.owners))) {
            ClusterNode node = ignite.cluster().node(id);
            if (node == null) throw new GridStackException("node " + id + " left during the shuffle; run it again");
            nodes.add(node);
        }
        return nodes;
    }

    /** Drops an attempt's assemblies on every server (all that is left of them after a failure or a cancel). */
    private void forget(String attempt) {
        try {
            ignite.compute(ignite.cluster().forServers()).broadcast(new ForgetAssemblies(attempt));
        } catch (RuntimeException ignored) {
            // a node that left took its assemblies with it
        }
    }
}
