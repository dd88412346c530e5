package org.gridstack.shuffle;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.ignite.Ignite;
import org.apache.ignite.lang.IgniteCallable;
import org.apache.ignite.resources.IgniteInstanceResource;
import org.gridstack.array.ArrayMeta;
import org.gridstack.array.BoxCopy;
import org.gridstack.array.ChunkGrid;
import org.gridstack.store.ChunkStore;
import org.gridstack.telemetry.ChunkReport;
import org.gridstack.telemetry.TaskClock;
import org.gridstack.telemetry.TaskEvent;

/**
 * Runs where a share of the input chunks live: cuts each chunk into the pieces the wave's output blocks need and
 * hands them to the blocks' owners — straight into the assembly when the owner is this node, otherwise one
 * message per owner per chunk, sent synchronously so that at most one chunk's pieces are in flight per job.
 */
final class ScatterJob implements IgniteCallable<Long> {
    private static final long serialVersionUID = 1L;
    private static final int[] ZERO = {0, 0, 0};

    private final String shuffleId;
    private final ArrayMeta source;
    private final ArrayMeta layout;
    private final long[] chunks;
    private final Wave wave;
    private final UUID caller;
    private final String progressTopic;

    @IgniteInstanceResource
    private transient Ignite ignite;

    ScatterJob(String shuffleId, ArrayMeta source, ArrayMeta layout, long[] chunks, Wave wave, UUID caller, String progressTopic) {
        this.shuffleId = shuffleId;
        this.source = source;
        this.layout = layout;
        this.chunks = chunks;
        this.wave = wave;
        this.caller = caller;
        this.progressTopic = progressTopic;
    }

    @Override
    public Long call() {
        ChunkStore store = new ChunkStore(ignite);
        UUID self = ignite.cluster().localNode().id();
        Assemblies local = Assemblies.of(ignite, shuffleId);
        ChunkGrid in = source.grid(), out = layout.grid();
        int[] blockShape = out.chunkShape();
        long sent = 0;
        for (long index : chunks) {
            long[] co = in.origin(index);
            int[] ce = in.extent(index);
            Object chunk = null;
            List<TaskEvent> events = new ArrayList<>();
            Map<UUID, List<Piece>> remote = new HashMap<>();
            long[] first = new long[3], last = new long[3];
            for (int d = 0; d < 3; d++) {
                first[d] = co[d] / blockShape[d];
                last[d] = (co[d] + ce[d] - 1) / blockShape[d];
            }
            for (long it = first[0]; it <= last[0]; it++) {
                for (long ir = first[1]; ir <= last[1]; ir++) {
                    for (long ic = first[2]; ic <= last[2]; ic++) {
                        long block = out.index(it, ir, ic);
                        if (!wave.contains(block)) continue;
                        if (chunk == null) chunk = fetch(store, index, events);
                        long[] bo = out.origin(block);
                        int[] be = out.extent(block);
                        int[] from = new int[3], at = new int[3], size = new int[3];
                        for (int d = 0; d < 3; d++) {
                            long lo = Math.max(co[d], bo[d]);
                            long hi = Math.min(co[d] + ce[d], bo[d] + be[d]);
                            from[d] = (int) (lo - co[d]);
                            at[d] = (int) (lo - bo[d]);
                            size[d] = (int) (hi - lo);
                        }
                        UUID owner = wave.owner(block);
                        if (owner.equals(self)) {
                            local.block(layout, block).fill(chunk, ce, from, at, size);
                        } else {
                            Object data = layout.type().allocate(size[0] * size[1] * size[2]);
                            BoxCopy.copy(chunk, ce, from, data, size, ZERO, size);
                            remote.computeIfAbsent(owner, o -> new ArrayList<>()).add(new Piece(block, at, size, data));
                            sent += (long) size[0] * size[1] * size[2] * layout.type().bytes();
                        }
                    }
                }
            }
            for (Map.Entry<UUID, List<Piece>> e : remote.entrySet()) {
                long t0 = TaskClock.micros();
                ignite.compute(ignite.cluster().forNodeId(e.getKey())).run(new DeliverPieces(shuffleId, layout, e.getValue()));
                events.add(new TaskEvent(TaskEvent.Kind.TRANSFER, layout.name(), index, nodeName(), Thread.currentThread().getName(),
                        t0, TaskClock.micros(), pieceBytes(e.getValue())));
            }
            ignite.message(ignite.cluster().forNodeId(caller)).send(progressTopic, new ChunkReport(source.chunkBytes(index), events));
        }
        return sent;
    }

    /** Input chunk {@code index}, recording how it was had (read here, received, or made from its recipe). */
    private Object fetch(ChunkStore store, long index, List<TaskEvent> events) {
        long t0 = TaskClock.micros();
        ChunkStore.Fetched fetched = store.fetch(source, index);
        events.add(new TaskEvent(fetched.how, source.name(), index, nodeName(), Thread.currentThread().getName(), t0,
                TaskClock.micros(), source.chunkBytes(index)));
        return fetched.chunk;
    }

    private String nodeName() {
        return ignite.name() == null ? ignite.cluster().localNode().consistentId().toString() : ignite.name();
    }

    private long pieceBytes(List<Piece> pieces) {
        long bytes = 0;
        for (Piece p : pieces) bytes += (long) p.size[0] * p.size[1] * p.size[2] * layout.type().bytes();
        return bytes;
    }
}
