package org.gridstack.shuffle;

import java.util.UUID;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteCache;
import org.apache.ignite.lang.IgniteCallable;
import org.apache.ignite.resources.IgniteInstanceResource;
import org.gridstack.base.GridStackException;
import org.gridstack.array.ArrayMeta;
import org.gridstack.store.ChunkKey;
import org.gridstack.store.ChunkStore;
import org.gridstack.grid.GridCaches;

/**
 * Runs on a block owner once every piece of a wave has been delivered: takes this node's assembled blocks one by
 * one (several of these jobs share them, one per core), transforms and stores each. Returns the blocks it stored.
 */
final class FinishJob implements IgniteCallable<Integer> {
    private static final long serialVersionUID = 1L;

    private final String shuffleId;
    private final ArrayMeta target;
    private final BlockTransform transform;
    private final UUID caller;
    private final String progressTopic;

    @IgniteInstanceResource
    private transient Ignite ignite;

    FinishJob(String shuffleId, ArrayMeta target, BlockTransform transform, UUID caller, String progressTopic) {
        this.shuffleId = shuffleId;
        this.target = target;
        this.transform = transform;
        this.caller = caller;
        this.progressTopic = progressTopic;
    }

    @Override
    public Integer call() {
        Assemblies assemblies = Assemblies.of(ignite, shuffleId);
        IgniteCache<ChunkKey, Object> chunks = ignite.cache(GridCaches.CHUNKS);
        int stored = 0;
        for (BlockAssembly block; (block = assemblies.take()) != null; ) {
            if (block.missing() != 0) {
                throw new GridStackException("block " + block.index + " of '" + target.name() + "' lacks " + block.missing()
                        + " values: a node left during the shuffle; run it again");
            }
            Object spare = transform.reusesOutput() ? assemblies.spare(target.type(), target.grid().chunkElements(block.index)) : null;
            Object out = transform.apply(target, block.index, block.buffer, spare);
            chunks.put(ChunkStore.key(target, block.index), out);
            if (transform.reusesOutput()) assemblies.recycle(out);
            if (!transform.keepsAssembled()) assemblies.recycle(block.buffer);
            stored++;
            ignite.message(ignite.cluster().forNodeId(caller)).send(progressTopic, target.chunkBytes(block.index));
        }
        return stored;
    }
}
