package org.gridstack.ops.fft;

import org.gridstack.array.ArrayMeta;
import org.gridstack.array.Recipe;
import org.gridstack.ops.ArrayNames;
import org.gridstack.ops.rechunk.RechunkRecipe;

/**
 * FFT power of every pixel's series, in float32 time-series blocks (T, b, b). From a parent already in those
 * blocks this is a map (one parent chunk per block); otherwise the block is gathered from the parent first.
 */
public final class FftPowerRecipe implements Recipe {
    private static final long serialVersionUID = 1L;

    private final ArrayMeta parent;

    public FftPowerRecipe(ArrayMeta parent) {
        this.parent = parent;
    }

    @Override
    public Object makeChunk(ArrayMeta array, long index, ChunkReader parents) {
        Object series = parent.grid().equals(array.grid()) ? parents.chunk(parent, index)
                : RechunkRecipe.gather(parent, array, index, parents);
        int[] extent = array.grid().extent(index);
        return FftPower.forFrames(extent[0]).of(parent.type(), series, extent[1] * extent[2]);
    }

    @Override
    public String origin() {
        return ArrayNames.derivedOrigin("fft power", parent.name());
    }

    @Override
    public String lineage() {
        return "fft power of " + parent.id();
    }

    @Override
    public ArrayMeta parent() {
        return parent;
    }

    @Override
    public String describe() {
        return "FFT power of '" + parent.name() + "'";
    }
}
