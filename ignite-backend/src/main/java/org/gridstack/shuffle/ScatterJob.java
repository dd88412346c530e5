package org.gridstack.shuffle;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.ignite.Ignite;
import org.apache.ignite.resources.IgniteInstanceResource;
import org.gridstack.array.ArrayMeta;
import org.gridstack.array.BoxCopy;
import org.gridstack.exec.CancellableJob;
import org.gridstack.exec.NodeNames;
import org.gridstack.exec.ProgressReporter;
import org.gridstack.store.ChunkStore;
import org.gridstack.telemetry.TaskClock;
import org.gridstack.telemetry.TaskEvent;

/**
 * Runs where a share of the input chunks live: reads each chunk once, cuts it into the pieces the plan's output
 * blocks need and hands them to the blocks' owners — straight to this node's assemblies when it owns the block,
 * otherwise one call per owner per chunk, made synchronously so that at most one chunk's pieces are in flight per
 * job. Reports each input chunk as unit {@code index}.
 */
final class ScatterJob extends CancellableJob<Object> {
    private static final long serialVersionUID = 1L;
    private static final int[] ZERO = {0, 0, 0};

    private final ShufflePlan plan;
    private final ArrayMeta source;
    private final ArrayMeta layout;
    private final long[] chunks;
    private final ProgressReporter reporter;

    @IgniteInstanceResource
    private transient Ignite ignite;

    ScatterJob(ShufflePlan plan, ArrayMeta source, ArrayMeta layout, long[] chunks, ProgressReporter reporter) {
        this.plan = plan;
        this.source = source;
        this.layout = layout;
        this.chunks = chunks;
        this.reporter = reporter;
    }

    @Override
    protected Object run() {
        ChunkStore store = new ChunkStore(ignite);
        UUID self = ignite.cluster().localNode().id();
        Assemblies local = Assemblies.of(ignite, plan);
        String node = NodeNames.of(ignite), thread = Thread.currentThread().getName();
        for (long index : chunks) {
            if (isCancelled()) return null;
            List<TaskEvent> events = new ArrayList<>();
            Map<UUID, List<Piece>> remote = new HashMap<>();
            Object[] chunk = {null};
            long[] spilled = {0};
            int[] ce = source.grid().extent(index);
            long t0 = TaskClock.micros();
            layout.grid().forEachOverlap(source.grid().origin(index), ce, (block, at, from, size) -> {
                if (!plan.contains(block)) return;
                if (chunk[0] == null) chunk[0] = fetch(store, index, events, node, thread);
                UUID owner = plan.owner(block);
                if (owner.equals(self)) {
                    spilled[0] += local.deliver(layout, block, chunk[0], ce, from, at, size);
                } else {
                    Object data = layout.type().allocate(size[0] * size[1] * size[2]);
                    BoxCopy.copy(chunk[0], ce, from, data, size, ZERO, size);
                    remote.computeIfAbsent(owner, o -> new ArrayList<>()).add(new Piece(block, at, size, data));
                }
            });
            if (spilled[0] > 0) events.add(new TaskEvent(TaskEvent.Kind.SPILL, layout.name(), index, node, thread, t0, TaskClock.micros(), spilled[0]));
            for (Map.Entry<UUID, List<Piece>> e : remote.entrySet()) {
                long t1 = TaskClock.micros();
                ignite.compute(ignite.cluster().forNodeId(e.getKey())).call(new DeliverPieces(plan, layout, e.getValue()));
                events.add(new TaskEvent(TaskEvent.Kind.TRANSFER, layout.name(), index, node, thread, t1, TaskClock.micros(), pieceBytes(e.getValue())));
            }
            reporter.report(ignite, index, source.chunkBytes(index), events);
        }
        return null;
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
        for (Piece p : pieces) bytes += (long) p.elements() * layout.type().bytes();
        return bytes;
    }
}
