package org.gridstack.shuffle;

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
 * Runs on a block owner once every piece of a wave has been delivered: takes this node's assembled blocks one by
 * one (several of these jobs share them, one per core), transforms and stores each, reporting it as unit
 * {@code firstUnit + block}. Returns the blocks it stored.
 */
final class FinishJob extends ComputeJobAdapter {
    private static final long serialVersionUID = 1L;

    private final String shuffleId;
    private final ArrayMeta target;
    private final BlockTransform transform;
    private final long firstUnit;
    private final ProgressReporter reporter;

    @IgniteInstanceResource
    private transient Ignite ignite;

    FinishJob(String shuffleId, ArrayMeta target, BlockTransform transform, long firstUnit, ProgressReporter reporter) {
        this.shuffleId = shuffleId;
        this.target = target;
        this.transform = transform;
        this.firstUnit = firstUnit;
        this.reporter = reporter;
    }

    @Override
    public Integer execute() {
        Assemblies assemblies = Assemblies.of(ignite, shuffleId);
        ChunkStore store = new ChunkStore(ignite);
        String node = NodeNames.of(ignite), thread = Thread.currentThread().getName();
        int stored = 0;
        for (BlockAssembly block; (block = assemblies.take()) != null; ) {
            if (block.missing() != 0) {
                throw new GridStackException("block " + block.index + " of '" + target.name() + "' lacks " + block.missing()
                        + " values: a node left during the shuffle; run it again");
            }
            long t0 = TaskClock.micros();
            Object spare = transform.reusesOutput() ? assemblies.spare(target.type(), target.grid().chunkElements(block.index)) : null;
            Object out = transform.apply(target, block.index, block.buffer, spare);
            store.put(target, block.index, out);
            if (transform.reusesOutput()) assemblies.recycle(out);
            if (!transform.keepsAssembled()) assemblies.recycle(block.buffer);
            stored++;
            long bytes = target.chunkBytes(block.index);
            reporter.report(ignite, firstUnit + block.index, bytes,
                    List.of(new TaskEvent(TaskEvent.Kind.COMPUTE, target.name(), block.index, node, thread, t0, TaskClock.micros(), bytes)));
        }
        return stored;
    }
}
