package org.gridstack.ops;

import org.gridstack.array.ArrayMeta;
import org.gridstack.shuffle.BlockTransform;

/** Turns an assembled time-series block (T, bh, bw) into its float32 FFT power block. */
public final class FftPowerTransform implements BlockTransform {
    private static final long serialVersionUID = 1L;

    @Override
    public Object apply(ArrayMeta target, long index, Object block) {
        int[] extent = target.grid().extent(index);
        return FftPower.forFrames(extent[0]).of(block, extent[1] * extent[2]);
    }
}
