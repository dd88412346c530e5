package org.gridstack.shuffle;

import java.util.ArrayList;
import java.util.List;
import org.apache.ignite.Ignite;
import org.apache.ignite.compute.ComputeJobAdapter;
import org.apache.ignite.resources.IgniteInstanceResource;
import org.gridstack.array.ArrayMeta;
import org.gridstack.base.GridStackException;
import org.gridstack.exec.NodeNames;
import org.gridstack.exec.ProgressReporter;
import org.gridstack.store.ChunkStore;
import org.gridstack.telemetry.TaskClock;
import org.gridstack.telemetry.TaskEvent;

/**
 * Runs on a block owner once every piece has been delivered: takes this node's blocks one by one (several of these
 * jobs share them, one per core) — those assembled in memory first, then those whose pieces were spilled, each
 * put together from its file — transforms and stores each, reporting it as unit {@code firstUnit + block}.
 * Returns the blocks it stored.
 */
final class FinishJob extends ComputeJobAdapter {
    private static final long serialVersionUID = 1L;

    private final ShufflePlan plan;
    private final ArrayMeta layout;
    private final ArrayMeta target;
    private final BlockTransform transform;
    private final long firstUnit;
    private final ProgressReporter reporter;

    @IgniteInstanceResource
    private transient Ignite ignite;

    FinishJob(ShufflePlan plan, ArrayMeta layout, ArrayMeta target, BlockTransform transform, long firstUnit, ProgressReporter reporter) {
        this.plan = plan;
        this.layout = layout;
        this.target = target;
        this.transform = transform;
        this.firstUnit = firstUnit;
        this.reporter = reporter;
    }

    @Override
    public Integer execute() {
        Assemblies assemblies = Assemblies.of(ignite, plan);
        ChunkStore store = new ChunkStore(ignite);
        String node = NodeNames.of(ignite), thread = Thread.currentThread().getName();
        int stored = 0;
        for (BlockAssembly block; !isCancelled() && (block = assemblies.takeInMemory()) != null; stored++) {
            if (block.missing() != 0) throw incomplete(block.index, block.missing());
            finish(assemblies, store, block.index, block.buffer, new ArrayList<>(), node, thread);
        }
        for (SpilledBlock block; !isCancelled() && (block = assemblies.takeSpilled()) != null; stored++) {
            if (block.missing() != 0) throw incomplete(block.index, block.missing());
            List<TaskEvent> events = new ArrayList<>();
            long t0 = TaskClock.micros();
            int length = layout.grid().chunkElements(block.index);
            Object buffer = assemblies.spare(layout.type(), length);
            if (buffer == null) buffer = layout.type().allocate(length);
            long bytes = block.bytes();
            block.assembleInto(buffer);
            events.add(new TaskEvent(TaskEvent.Kind.SPILL, target.name(), block.index, node, thread, t0, TaskClock.micros(), bytes));
            finish(assemblies, store, block.index, buffer, events, node, thread);
        }
        return stored;
    }

    private void finish(Assemblies assemblies, ChunkStore store, long index, Object assembled, List<TaskEvent> events, String node, String thread) {
        long t0 = TaskClock.micros();
        Object spare = transform.reusesOutput() ? assemblies.spare(target.type(), target.storedChunkElements(index)) : null;
        Object out = transform.apply(target, index, assembled, spare);
        store.put(target, index, out);
        if (transform.reusesOutput()) assemblies.recycle(out);
        if (!transform.keepsAssembled()) assemblies.recycle(assembled);
        long bytes = target.chunkBytes(index);
        events.add(new TaskEvent(TaskEvent.Kind.COMPUTE, target.name(), index, node, thread, t0, TaskClock.micros(), bytes));
        reporter.report(ignite, firstUnit + index, bytes, events);
    }

    private GridStackException incomplete(long block, long missing) {
        return new GridStackException("block " + block + " of '" + target.name() + "' lacks " + missing
                + " values: a node left during the shuffle; run it again");
    }
}
