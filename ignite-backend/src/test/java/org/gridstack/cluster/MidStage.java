package org.gridstack.cluster;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.apache.ignite.Ignite;
import org.apache.ignite.cache.affinity.Affinity;
import org.apache.ignite.cluster.ClusterNode;
import org.apache.ignite.internal.IgniteNodeAttributes;
import org.gridstack.array.ArrayMeta;
import org.gridstack.store.ChunkKey;
import org.gridstack.store.ChunkStore;
import org.gridstack.grid.GridCaches;
import org.gridstack.base.Progress;

/**
 * Runs a grid stage and does something to the cluster (kill a node, add one) while the stage is provably mid-run,
 * without sleeping: the input's chunks from {@code gatedFrom} on are dropped from the grid, so remaking them blocks
 * on the {@link GatedSource}'s gate; the action runs once the stage has reported its first chunk, and the gate
 * opens only after it. Jobs holding gated chunks (on every node that owns one) cannot finish before that.
 */
final class MidStage {
    private final Ignite client;
    private final Path gate;

    MidStage(Ignite client, Path gate) {
        this.client = client;
        this.gate = gate;
    }

    void openGate() {
        try {
            if (!Files.exists(gate)) Files.createFile(gate);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void closeGate() {
        try {
            Files.deleteIfExists(gate);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Chunks (whole frames, frames per chunk fixed) of {@code array} that hold a gated frame. */
    static List<Long> gatedChunks(ArrayMeta array, int gatedFrom) {
        List<Long> gated = new ArrayList<>();
        int depth = array.grid().chunkShape()[0];
        for (long i = 0; i < array.grid().chunkCount(); i++) if ((i + 1) * depth > gatedFrom) gated.add(i);
        return gated;
    }

    /** How many of {@code chunks} each server (by instance name, "server-i") is primary for now. */
    Map<String, Integer> primaries(ArrayMeta array, List<Long> chunks) {
        Affinity<ChunkKey> affinity = client.affinity(GridCaches.CHUNKS);
        Map<String, Integer> count = new HashMap<>();
        for (long i : chunks) {
            ClusterNode node = affinity.mapKeyToNode(ChunkStore.key(array, i));
            count.merge(node.attribute(IgniteNodeAttributes.ATTR_IGNITE_INSTANCE_NAME), 1, Integer::sum);
        }
        return count;
    }

    /** Of servers 1 and 2 (the client joined through server 0), the primary of most gated chunks. */
    int victim(ArrayMeta input, int gatedFrom) {
        Map<String, Integer> owners = primaries(input, gatedChunks(input, gatedFrom));
        int one = owners.getOrDefault("server-1", 0), two = owners.getOrDefault("server-2", 0);
        assertTrue(one + two > 0, "servers 1 and 2 own no gated chunk of " + input.name() + ": " + owners);
        return one >= two ? 1 : 2;
    }

    /** Drops the gated chunks of {@code input} from the grid (they will be remade from the gated source). */
    void dropGated(ArrayMeta input, int gatedFrom) {
        java.util.Set<ChunkKey> keys = new java.util.HashSet<>();
        for (long i : gatedChunks(input, gatedFrom)) keys.add(ChunkStore.key(input, i));
        client.cache(GridCaches.CHUNKS).removeAll(keys);
    }

    /** What {@link #run} saw. */
    static final class Outcome<R> {
        final R result;
        final long doneAtAction;
        final long total;
        final double seconds;

        Outcome(R result, long doneAtAction, long total, double seconds) {
            this.result = result;
            this.doneAtAction = doneAtAction;
            this.total = total;
            this.seconds = seconds;
        }
    }

    /**
     * Closes the gate, drops {@code input}'s gated chunks, starts {@code stage}, runs {@code action} at its first
     * progress report, opens the gate and waits for the stage's result.
     */
    <R> Outcome<R> run(ArrayMeta input, int gatedFrom, Function<Progress, R> stage, Runnable action) throws Exception {
        return run(input, gatedFrom, stage, action, 1);
    }

    /** As above, but {@code action} runs once the stage reports {@code atDone} units done (all of them ungated). */
    <R> Outcome<R> run(ArrayMeta input, int gatedFrom, Function<Progress, R> stage, Runnable action, long atDone) throws Exception {
        closeGate();
        dropGated(input, gatedFrom);
        CompletableFuture<long[]> first = new CompletableFuture<>();
        Progress progress = (done, total, bytes) -> {
            if (done >= atDone) first.complete(new long[] {done, total});
        };
        long t0 = System.nanoTime();
        CompletableFuture<R> result = CompletableFuture.supplyAsync(() -> stage.apply(progress));
        long[] at;
        try {
            at = first.get(120, TimeUnit.SECONDS);
            assertTrue(at[0] < at[1] && !result.isDone(), "the stage was already complete at its first report: " + at[0] + " of " + at[1]);
            action.run();
        } finally {
            openGate();
        }
        try {
            R r = result.get(180, TimeUnit.SECONDS);
            return new Outcome<>(r, at[0], at[1], (System.nanoTime() - t0) / 1e9);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception ? (Exception) e.getCause() : e;
        }
    }
}
