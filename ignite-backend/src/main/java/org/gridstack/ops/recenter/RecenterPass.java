package org.gridstack.ops.recenter;

import org.apache.ignite.Ignition;
import org.gridstack.array.ArrayMeta;
import org.gridstack.array.BoxCopy;
import org.gridstack.exec.ChunkReducer;
import org.gridstack.store.ChunkStore;

/**
 * Recenter in one read of a stack whose chunks hold whole frames: a chunk holds everything its frames' centroids
 * need, so the job that sums a chunk also cuts its windows and stores the output chunk of the same index (output
 * chunk i is kept beside input chunk i's job). The partial is the centroid sums (as {@link CentroidReducer}),
 * from which the caller rebuilds the same windows. Output chunks already stored (by an unfinished run of the same
 * making) are kept, not cut again.
 */
public final class RecenterPass implements ChunkReducer<CentroidReducer.Sums> {
    private static final long serialVersionUID = 1L;

    private final ArrayMeta target;
    private final int crop;
    private final CentroidReducer centroids = new CentroidReducer();
    private transient ChunkStore store;

    public RecenterPass(ArrayMeta target, int crop) {
        this.target = target;
        this.crop = crop;
    }

    @Override
    public CentroidReducer.Sums identity(ArrayMeta array) {
        return centroids.identity(array);
    }

    @Override
    public CentroidReducer.Sums accumulate(CentroidReducer.Sums sums, ArrayMeta array, long index, Object chunk) {
        centroids.accumulate(sums, array, index, chunk);
        if (store == null) store = new ChunkStore(Ignition.localIgnite()); // reducers run in grid jobs, whose threads know their node
        if (store.contains(target, index)) return sums;
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
        store.put(target, index, out);
        return sums;
    }

    @Override
    public CentroidReducer.Sums combine(CentroidReducer.Sums a, CentroidReducer.Sums b) {
        return centroids.combine(a, b);
    }
}
