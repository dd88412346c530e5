package org.gridstack.ops;

import java.nio.file.Path;
import org.gridstack.array.ArrayMeta;
import org.gridstack.source.ZarrRecipe;

/** Open a Zarr array or OME-NGFF image as a lazy grid array whose chunks are the file's own. Reads its metadata only. */
public final class OpenZarr {
    private OpenZarr() {}

    public static ArrayMeta open(OperationContext context, String name, Path path) {
        ZarrRecipe.Opened zarr = ZarrRecipe.open(path.toAbsolutePath());
        ArrayMeta meta = SpillPolicy.decide(context, new ArrayMeta(ArrayNames.check(name), zarr.type(), zarr.grid(), zarr.recipe())
                .calibrated(zarr.calibration()));
        context.place(meta);
        return meta;
    }
}
