package org.gridstack.ops;

import org.apache.ignite.Ignition;
import org.gridstack.array.ArrayMeta;
import org.gridstack.array.BoxCopy;
import org.gridstack.store.ChunkKey;
import org.gridstack.grid.GridCaches;
import org.gridstack.ops.CentroidReducer;
import org.gridstack.exec.ChunkReducer;

/**
 * Recenter in one read of a stack whose chunks hold whole frames: a chunk holds everything its frames' centroids
 * need, so the job that sums a chunk also cuts its windows and stores the output chunk of the same index. The
 * partial is the centroid sums (as {@link CentroidReducer}), from which the caller rebuilds the same windows.
 */
public final class RecenterPass implements ChunkReducer<long[]> {
    private static final long serialVersionUID = 1L;

    private final String target;
    private final int crop;
    private final boolean keepStored;
    private final CentroidReducer centroids = new CentroidReducer();

    /** {@code keepStored}: finishing a half-made run, output chunks already stored are kept, not cut again. */
    public RecenterPass(String target, int crop, boolean keepStored) {
        this.target = target;
        this.crop = crop;
        this.keepStored = keepStored;
    }

    @Override
    public long[] identity(ArrayMeta array) {
        return centroids.identity(array);
    }

    @Override
    public long[] accumulate(long[] sums, ArrayMeta array, long index, Object chunk) {
        centroids.accumulate(sums, array, index, chunk);
        // reducers run inside grid jobs, whose threads know their node
        org.apache.ignite.IgniteCache<ChunkKey, Object> chunks = Ignition.localIgnite().cache(GridCaches.CHUNKS);
        if (keepStored && chunks.containsKey(new ChunkKey(target, index))) return sums;
        int t0 = (int) array.grid().origin(index)[0];
        int[] extent = array.grid().extent(index);
        int[] outExtent = {extent[0], crop, crop};
        int[] size = {1, crop, crop};
        Object out = array.type().allocate(extent[0] * crop * crop);
        for (int dt = 0; dt < extent[0]; dt++) {
            int t = t0 + dt;
            int row0 = CropWindows.windowStart(CentroidReducer.x(sums, t), crop, extent[1]);
            int col0 = CropWindows.windowStart(CentroidReducer.y(sums, t), crop, extent[2]);
            BoxCopy.copy(chunk, extent, new int[] {dt, row0, col0}, out, outExtent, new int[] {dt, 0, 0}, size);
        }
        chunks.put(new ChunkKey(target, index), out);
        return sums;
    }

    @Override
    public long[] combine(long[] a, long[] b) {
        return centroids.combine(a, b);
    }
}
