package org.gridstack.ops.fft;

import org.gridstack.array.ArrayMeta;
import org.gridstack.array.DataType;
import org.gridstack.shuffle.BlockTransform;

/** Turns an assembled time-series block (T, bh, bw) into its float32 FFT power block. */
public final class FftPowerTransform implements BlockTransform {
    private static final long serialVersionUID = 1L;

    /** The assembled blocks' type: the source's (a chunk's Java array does not tell int16 from uint16). */
    private final DataType sourceType;

    public FftPowerTransform(DataType sourceType) {
        this.sourceType = sourceType;
    }

    @Override
    public Object apply(ArrayMeta target, long index, Object block, Object spare) {
        int[] extent = target.grid().extent(index);
        float[] power = spare != null ? (float[]) spare : new float[extent[0] * extent[1] * extent[2]];
        return FftPower.forFrames(extent[0]).into(sourceType, block, extent[1] * extent[2], power);
    }

    /** Power blocks are float[], which Ignite marshals into bytes of its own on put. */
    @Override
    public boolean reusesOutput() {
        return true;
    }

    @Override
    public boolean keepsAssembled() {
        return false;
    }
}
