package org.gridstack.shuffle;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.ignite.Ignite;
import org.apache.ignite.compute.ComputeJobAdapter;
import org.apache.ignite.resources.IgniteInstanceResource;
import org.gridstack.array.ArrayMeta;
import org.gridstack.array.BoxCopy;
import org.gridstack.exec.NodeNames;
import org.gridstack.exec.ProgressReporter;
import org.gridstack.store.ChunkStore;
import org.gridstack.telemetry.TaskClock;
import org.gridstack.telemetry.TaskEvent;

/**
 * Runs where a share of the input chunks live: cuts each chunk into the pieces the wave's output blocks need and
 * hands them to the blocks' owners — straight into the assembly when the owner is this node, otherwise one
 * message per owner per chunk, sent synchronously so that at most one chunk's pieces are in flight per job.
 * Reports each input chunk as unit {@code firstUnit + index}.
 */
final class ScatterJob extends ComputeJobAdapter {
    private static final long serialVersionUID = 1L;
    private static final int[] ZERO = {0, 0, 0};

    private final String shuffleId;
    private final ArrayMeta source;
    private final ArrayMeta layout;
    private final long[] chunks;
    private final Wave wave;
    private final long firstUnit;
    private final ProgressReporter reporter;

    @IgniteInstanceResource
    private transient Ignite ignite;

    ScatterJob(String shuffleId, ArrayMeta source, ArrayMeta layout, long[] chunks, Wave wave, long firstUnit, ProgressReporter reporter) {
        this.shuffleId = shuffleId;
        this.source = source;
        this.layout = layout;
        this.chunks = chunks;
        this.wave = wave;
        this.firstUnit = firstUnit;
        this.reporter = reporter;
    }

    /** Returns the bytes of pieces sent to other nodes. */
    @Override
    public Long execute() {
        ChunkStore store = new ChunkStore(ignite);
        UUID self = ignite.cluster().localNode().id();
        Assemblies local = Assemblies.of(ignite, shuffleId);
        String node = NodeNames.of(ignite), thread = Thread.currentThread().getName();
        long sent = 0;
        for (long index : chunks) {
            if (isCancelled()) return sent;
            List<TaskEvent> events = new ArrayList<>();
            Map<UUID, List<Piece>> remote = new HashMap<>();
            Object[] chunk = {null};
            int[] ce = source.grid().extent(index);
            layout.grid().forEachOverlap(source.grid().origin(index), ce, (block, at, from, size) -> {
                if (!wave.contains(block)) return;
                if (chunk[0] == null) chunk[0] = fetch(store, index, events, node, thread);
                UUID owner = wave.owner(block);
                if (owner.equals(self)) {
                    local.block(layout, block).fill(chunk[0], ce, from, at, size);
                } else {
                    Object data = layout.type().allocate(size[0] * size[1] * size[2]);
                    BoxCopy.copy(chunk[0], ce, from, data, size, ZERO, size);
                    remote.computeIfAbsent(owner, o -> new ArrayList<>()).add(new Piece(block, at, size, data));
                }
            });
            for (Map.Entry<UUID, List<Piece>> e : remote.entrySet()) {
                long t0 = TaskClock.micros();
                ignite.compute(ignite.cluster().forNodeId(e.getKey())).run(new DeliverPieces(shuffleId, layout, e.getValue()));
                long bytes = pieceBytes(e.getValue());
                events.add(new TaskEvent(TaskEvent.Kind.TRANSFER, layout.name(), index, node, thread, t0, TaskClock.micros(), bytes));
                sent += bytes;
            }
            reporter.report(ignite, firstUnit + index, source.chunkBytes(index), events);
        }
        return sent;
    }

    /** Input chunk {@code index}, recording how it was had (read here, received, or made from its recipe). */
    private Object fetch(ChunkStore store, long index, List<TaskEvent> events, String node, String thread) {
        long t0 = TaskClock.micros();
        ChunkStore.Fetched fetched = store.fetch(source, index);
        events.add(new TaskEvent(fetched.how, source.name(), index, node, thread, t0, TaskClock.micros(), source.chunkBytes(index)));
        return fetched.chunk;
    }

    private long pieceBytes(List<Piece> pieces) {
        long bytes = 0;
        for (Piece p : pieces) bytes += (long) p.size[0] * p.size[1] * p.size[2] * layout.type().bytes();
        return bytes;
    }
}
