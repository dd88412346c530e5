package org.gridstack.ops.fft;

import org.gridstack.array.ArrayMeta;
import org.gridstack.array.DataType;
import org.gridstack.shuffle.BlockTransform;

/**
 * Turns an assembled time-series block (T, bh, bw) into its float32 FFT power block, as the target stores it: bins
 * 0..T/2 only when the target is mirrored in time (as {@link PowerSpectrum} makes it), else all T.
 */
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
        float[] power = spare != null ? (float[]) spare : new float[target.storedChunkElements(index)];
        FftPower fft = FftPower.forFrames(extent[0]);
        int pixels = extent[1] * extent[2];
        return target.isMirroredInTime() ? fft.lowerHalfInto(sourceType, block, pixels, power) : fft.into(sourceType, block, pixels, power);
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
