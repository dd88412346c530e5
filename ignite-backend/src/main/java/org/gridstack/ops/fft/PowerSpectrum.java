package org.gridstack.ops.fft;

import org.gridstack.array.ArrayMeta;
import org.gridstack.array.DataType;
import org.gridstack.base.Progress;
import org.gridstack.ops.ArrayNames;
import org.gridstack.ops.OperationContext;
import org.gridstack.ops.rechunk.ShuffleInto;
import org.gridstack.ops.rechunk.TimeSeriesBlocks;

/**
 * FFT power: per pixel, the power spectrum of its series over time, a float32 array of the same shape in
 * time-series blocks; {@code power[k, r, c] = |X[k]|²} of the full-length unnormalised DFT of pixel (r, c)'s
 * series (see {@link FftPower}). Rechunk and FFT are fused in one shuffle: each block is transformed on its owner
 * once assembled, and no rechunked copy is stored (from a source already in such blocks the shuffle just moves
 * whole chunks). Power is symmetric, power[k] = power[T-k], so the grid stores bins 0..T/2 only (half the memory
 * and disk) and reads give all T bins.
 */
public final class PowerSpectrum {
    private PowerSpectrum() {}

    public static ArrayMeta run(OperationContext context, String source, String target, int block, long memoryBytes, Progress progress) {
        ArrayMeta parent = context.catalog().get(source);
        ArrayMeta planned = new ArrayMeta(ArrayNames.target(source, target), DataType.FLOAT32, TimeSeriesBlocks.of(parent, block),
                new FftPowerRecipe(parent)).calibrated(parent.calibration().spectrumOver(parent.grid().frames())).mirroredInTime();
        return ShuffleInto.run(context, parent, planned, new FftPowerTransform(parent.type()), memoryBytes, progress,
                context.history().start("fft power of " + source));
    }
}
