package org.gridstack.shuffle;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteException;
import org.apache.ignite.cache.affinity.Affinity;
import org.apache.ignite.cluster.ClusterNode;
import org.apache.ignite.lang.IgniteBiPredicate;
import org.apache.ignite.lang.IgniteFuture;
import org.apache.ignite.lang.IgniteFutureTimeoutException;
import org.gridstack.base.GridStackException;
import org.gridstack.array.ArrayMeta;
import org.gridstack.store.ChunkKey;
import org.gridstack.store.ChunkStore;
import org.gridstack.grid.GridCaches;
import org.gridstack.exec.TopologyFailures;
import org.gridstack.telemetry.ChunkReport;
import org.gridstack.base.Progress;
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
 */
public final class Shuffle {
    private static final long POLL_MS = 100;
    private static final long PROGRESS_GRACE_NANOS = 2_000_000_000L;
    /** Scatter jobs per node; well below Ignite's public pool (at least 8), which the deliveries also need. */
    private static final int MAX_SCATTER_JOBS_PER_NODE = 4;

    private final Ignite ignite;

    public Shuffle(Ignite ignite) {
        this.ignite = ignite;
    }

    /**
     * Makes every chunk of {@code target} from {@code source}: each output block is assembled in the source's type
     * and geometry of {@code target}'s chunks, then stored as {@code transform} makes it.
     */
    public void run(ArrayMeta source, ArrayMeta target, BlockTransform transform, long waveBytes, Progress progress) {
        run(source, target, transform, waveBytes, progress, new TaskLog(target.name()));
    }

    /**
     * As above, recording the scatter jobs' task events (reads of input chunks, pieces sent to other nodes as
     * TRANSFER) into {@code log}. A wave that fails because a node left is redone from scratch under a new id
     * (the old attempt's assemblies are dropped everywhere), with the blocks' current owners: see {@link #redo}.
     */
    public void run(ArrayMeta source, ArrayMeta target, BlockTransform transform, long waveBytes, Progress progress, TaskLog log) {
        ArrayMeta layout = new ArrayMeta(target.name(), source.type(), target.grid(), target.recipe());
        String id = UUID.randomUUID().toString();
        String topic = "gridstack-shuffle-progress-" + id;
        List<Wave> waves = waves(layout, waveBytes);
        long inputs = source.grid().chunkCount();
        long total = waves.size() * inputs + target.grid().chunkCount();
        AtomicLong done = new AtomicLong(), bytes = new AtomicLong();
        IgniteBiPredicate<UUID, Object> listener = (node, message) -> {
            long b = message instanceof ChunkReport ? ((ChunkReport) message).bytes : (Long) message;
            if (message instanceof ChunkReport) log.add(((ChunkReport) message).events);
            synchronized (done) {
                progress.update(Math.min(done.incrementAndGet(), total), total, bytes.addAndGet(b));
            }
            return true;
        };
        ignite.message().localListen(topic, listener);
        UUID caller = ignite.cluster().localNode().id();
        String attempt = id;
        int redos = 0;
        try {
            ChunkStore store = new ChunkStore(ignite);
            int waveNumber = 0;
            for (Wave planned : waves) {
                if (progress.isCancelled()) {
                    throw new GridStackException("cancelled: " + target.name() + " (" + waveNumber + " of " + waves.size()
                            + " waves done; running it again finishes it)");
                }
                waveNumber++;
                if (allStored(store, target, planned)) {
                    // a wave an earlier, cancelled run of the same shuffle finished: its blocks are reused
                    synchronized (done) {
                        progress.update(done.addAndGet(inputs + planned.owners.length), total, bytes.get());
                    }
                    continue;
                }
                // owners as of now: nodes may have left or joined since the waves were cut
                Wave wave = replan(planned, layout);
                for (int tries = 1; ; tries++) {
                    long topology = ignite.cluster().topologyVersion();
                    long doneBefore = done.get();
                    try {
                        runWave(attempt, source, layout, target, transform, wave, caller, topic, progress);
                        break;
                    } catch (RuntimeException e) {
                        if (tries >= MAX_WAVE_ATTEMPTS || progress.isCancelled() || !redo(e, topology)) throw e;
                        forget(attempt);
                        attempt = id + "-redo-" + (++redos);
                        wave = replan(wave, layout);
                        done.set(doneBefore);
                    }
                }
            }
            awaitLastProgress(done, total);
        } finally {
            ignite.message().stopLocalListen(topic, listener);
            log.finish();
            forget(attempt);
        }
    }

    private static boolean allStored(ChunkStore store, ArrayMeta target, Wave wave) {
        for (long b = wave.first; b < wave.first + wave.owners.length; b++) {
            if (!store.contains(target, b)) return false;
        }
        return true;
    }

    /** Tries per wave: the first, then redos after nodes left. */
    private static final int MAX_WAVE_ATTEMPTS = 4;

    /**
     * Whether a failed wave may be redone: a node left (the failure says so, or the topology changed meanwhile) and
     * discovery has taken notice. A redo is safe: assemblies of the failed attempt are dropped and refused from then
     * on, blocks stored before are stored again with the same values, and input chunks lost with the node are
     * remade from their recipes (or read from backups).
     */
    private boolean redo(RuntimeException e, long topology) {
        if (ignite.cluster().topologyVersion() > topology) return TopologyFailures.awaitAffinity(ignite, TopologyFailures.NOTICE_TIMEOUT_MILLIS);
        return TopologyFailures.isNodeLoss(e) && TopologyFailures.awaitTopologyChange(ignite, topology, TopologyFailures.NOTICE_TIMEOUT_MILLIS);
    }

    /** The same blocks with the nodes that own them now. */
    private Wave replan(Wave wave, ArrayMeta layout) {
        Affinity<ChunkKey> affinity = ignite.affinity(GridCaches.CHUNKS);
        UUID[] owners = new UUID[wave.owners.length];
        for (int i = 0; i < owners.length; i++) owners[i] = affinity.mapKeyToNode(ChunkStore.key(layout, wave.first + i)).id();
        return new Wave(wave.first, owners);
    }

    private void forget(String attempt) {
        try {
            ignite.compute(ignite.cluster().forServers()).broadcast(new ForgetAssemblies(attempt));
        } catch (RuntimeException ignored) {
            // a node that left took its assemblies with it
        }
    }

    private void runWave(String id, ArrayMeta source, ArrayMeta layout, ArrayMeta target, BlockTransform transform, Wave wave,
            UUID caller, String topic, Progress progress) {
        List<IgniteFuture<Long>> scatter = new ArrayList<>();
        for (Map.Entry<ClusterNode, long[]> e : inputsByOwner(source).entrySet()) {
            long[] owned = e.getValue();
            int jobs = Math.min(owned.length, Math.min(MAX_SCATTER_JOBS_PER_NODE, cpus(e.getKey())));
            for (int j = 0; j < jobs; j++) {
                ScatterJob job = new ScatterJob(id, source, layout, share(owned, j, jobs), wave, caller, topic);
                scatter.add(ignite.compute(ignite.cluster().forNode(e.getKey())).callAsync(job));
            }
        }
        awaitAll(scatter, progress, target);
        List<IgniteFuture<Integer>> finish = new ArrayList<>();
        for (ClusterNode node : owners(wave)) {
            for (int j = 0; j < cpus(node); j++) {
                FinishJob job = new FinishJob(id, target, transform, caller, topic);
                finish.add(ignite.compute(ignite.cluster().forNode(node)).callAsync(job));
            }
        }
        long stored = 0;
        for (Integer n : awaitAll(finish, progress, target)) stored += n;
        if (stored != wave.owners.length) {
            throw new GridStackException("the shuffle into '" + target.name() + "' stored " + stored + " of "
                    + wave.owners.length + " blocks of a wave: a node left meanwhile; run it again");
        }
    }

    /** Progress messages travel apart from job results: let the last ones arrive, so that progress ends at 100 %. */
    private static void awaitLastProgress(AtomicLong done, long total) {
        long deadline = System.nanoTime() + PROGRESS_GRACE_NANOS;
        while (done.get() < total && System.nanoTime() < deadline) {
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Consecutive blocks, as many as fit the budget (at least one), each with the node that owns it now. */
    private List<Wave> waves(ArrayMeta layout, long waveBytes) {
        Affinity<ChunkKey> affinity = ignite.affinity(GridCaches.CHUNKS);
        List<Wave> waves = new ArrayList<>();
        long blocks = layout.grid().chunkCount();
        long first = 0;
        while (first < blocks) {
            long end = first, bytes = 0;
            while (end < blocks && (end == first || bytes + layout.chunkBytes(end) <= waveBytes)) bytes += layout.chunkBytes(end++);
            UUID[] owners = new UUID[(int) (end - first)];
            for (long b = first; b < end; b++) owners[(int) (b - first)] = affinity.mapKeyToNode(ChunkStore.key(layout, b)).id();
            waves.add(new Wave(first, owners));
            first = end;
        }
        return waves;
    }

    private Map<ClusterNode, long[]> inputsByOwner(ArrayMeta source) {
        List<ChunkKey> keys = new ArrayList<>();
        for (long i = 0; i < source.grid().chunkCount(); i++) keys.add(ChunkStore.key(source, i));
        Map<ClusterNode, Collection<ChunkKey>> byOwner = ignite.<ChunkKey>affinity(GridCaches.CHUNKS).mapKeysToNodes(keys);
        Map<ClusterNode, long[]> owned = new HashMap<>();
        byOwner.forEach((node, k) -> owned.put(node, k.stream().mapToLong(ChunkKey::index).sorted().toArray()));
        return owned;
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

    private static long[] share(long[] owned, int j, int jobs) {
        long[] share = new long[(owned.length - j + jobs - 1) / jobs];
        for (int k = 0; k < share.length; k++) share[k] = owned[j + k * jobs];
        return share;
    }

    private static int cpus(ClusterNode node) {
        return Math.max(1, node.metrics().getTotalCpus());
    }

    private static <R> List<R> awaitAll(List<IgniteFuture<R>> futures, Progress progress, ArrayMeta target) {
        List<R> results = new ArrayList<>();
        try {
            for (IgniteFuture<R> f : futures) {
                while (true) {
                    try {
                        results.add(f.get(POLL_MS, TimeUnit.MILLISECONDS));
                        break;
                    } catch (IgniteFutureTimeoutException notYet) {
                        if (progress.isCancelled()) {
                            futures.forEach(IgniteFuture::cancel);
                            throw new GridStackException("cancelled: " + target.name());
                        }
                    }
                }
            }
            return results;
        } catch (IgniteException e) {
            futures.forEach(IgniteFuture::cancel);
            GridStackException cause = GridStackException.find(e);
            if (cause != null) throw new GridStackException(cause.getMessage(), e);
            throw new GridStackException("the shuffle into '" + target.name() + "' failed: " + e.getMessage(), e);
        }
    }
}
