package org.gridstack.ops.map;

import org.apache.ignite.Ignite;
import org.apache.ignite.compute.ComputeJobAdapter;
import org.apache.ignite.resources.IgniteInstanceResource;
import org.gridstack.array.ArrayMeta;
import org.gridstack.base.Progress;
import org.gridstack.exec.JobBatch;
import org.gridstack.store.ChunkStore;

/**
 * What a mapped array will hold: the user's function run once, on the first frames, on the node that holds them.
 * Its type and frame size are then required of every other call (see {@link OutputShape#check}).
 */
final class ShapeProbe extends ComputeJobAdapter {
    private static final long serialVersionUID = 1L;

    private final ArrayMeta parent;
    private final FrameMapper mapper;
    private final int count;

    @IgniteInstanceResource
    private transient Ignite ignite;

    private ShapeProbe(ArrayMeta parent, FrameMapper mapper, int count) {
        this.parent = parent;
        this.mapper = mapper;
        this.count = count;
    }

    static OutputShape run(Ignite ignite, ArrayMeta parent, FrameMapper mapper, int framesPerChunk, Progress progress) {
        int count = mapper.framesPerCall() <= 0 ? framesPerChunk : Math.min(mapper.framesPerCall(), framesPerChunk);
        JobBatch<OutputShape> batch = new JobBatch<>(ignite);
        batch.add(new ChunkStore(ignite).owner(parent, 0), new ShapeProbe(parent, mapper, count));
        return batch.runAll(progress, () -> "trying " + mapper.describe() + " on the first slices", mapper.describe()).get(0);
    }

    @Override
    public OutputShape execute() {
        UserCodePolicy.checkThisJvm(mapper);
        ChunkStore store = new ChunkStore(ignite);
        Frames in = FrameReads.read(parent, store::get, 0, count);
        Frames out = mapper.map(in);
        OutputShape shape = OutputShape.of(out);
        shape.check(out, in, mapper);
        return shape;
    }
}
