package org.gridstack.ops;

import org.gridstack.array.ArrayMeta;
import org.gridstack.base.GridStackException;
import org.gridstack.source.Hdf5Recipe;

/** Open a 3-D HDF5 dataset (t, y, x) as a lazy grid array read where its chunks live. Reads its metadata only. */
public final class OpenHdf5 {
    private OpenHdf5() {}

    /** {@code source}: {@code file.h5:/path/to/dataset} or {@code file.h5}; see {@link Hdf5Recipe#open}. */
    public static ArrayMeta open(OperationContext context, String name, String source, int first, int last, int framesPerChunk) {
        String arrayName = ArrayNames.check(name);
        if (first < 0) throw new GridStackException("first (" + first + ") must be 0 or more");
        if (last >= 0 && last < first) throw new GridStackException("last (" + last + ") is before first (" + first + ")");
        if (framesPerChunk < 0) throw new GridStackException("frames per chunk (" + framesPerChunk + ") must be 0 (automatic) or more");
        Hdf5Recipe.Opened h = Hdf5Recipe.open(source, first, last, framesPerChunk, OpenStack.DEFAULT_CHUNK_BYTES);
        ArrayMeta meta = SpillPolicy.decide(context, new ArrayMeta(arrayName, h.type(), h.grid(), h.recipe()).calibrated(h.calibration()));
        context.place(meta);
        return meta;
    }
}
