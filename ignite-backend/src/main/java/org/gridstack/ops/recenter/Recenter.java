package org.gridstack.ops.recenter;

import org.gridstack.array.ArrayMeta;
import org.gridstack.array.ChunkGrid;
import org.gridstack.base.GridStackException;
import org.gridstack.base.Progress;
import org.gridstack.exec.ChunkReduction;
import org.gridstack.ops.ArrayNames;
import org.gridstack.ops.HalfMade;
import org.gridstack.ops.OpenStack;
import org.gridstack.ops.OperationContext;
import org.gridstack.ops.PendingRecipe;
import org.gridstack.ops.Persist;
import org.gridstack.ops.PersistReducer;

/**
 * Recenter: a new array of shape (T, crop, crop), same type, whose frame t is the crop x crop window of the source
 * around frame t's centroid, truncated and clamped inside the frame. The windows are kept in the result's recipe.
 * When a persist of the source kept its centroid sums ({@link Centroids#keep}) the windows are known at once and the
 * recipe cuts them where each output chunk lives, beside its input chunk when the source's chunks hold whole frames.
 * Otherwise, for whole-frame chunks (as opened stacks have) it is one pass ({@link RecenterPass}) that sums and cuts,
 * the output chunks made beside their input chunks; for other chunks the centroids first, then the windows are cut
 * by the recipe (and progress runs twice).
 */
public final class Recenter {
    private Recenter() {}

    public static ArrayMeta run(OperationContext context, String source, String target, int crop, Progress progress) {
        ArrayMeta parent = context.catalog().get(source);
        String targetName = ArrayNames.target(source, target);
        ChunkGrid grid = parent.grid();
        CropWindows.checkCrop(crop, grid.height(), grid.width());
        boolean wholeFrames = grid.chunksAlong(1) == 1 && grid.chunksAlong(2) == 1;
        long frameBytes = (long) crop * crop * parent.type().bytes();
        int depth = wholeFrames ? grid.chunkShape()[0] : ChunkGrid.framesPerChunk(grid.frames(), frameBytes, OpenStack.DEFAULT_CHUNK_BYTES);
        ChunkGrid outGrid = new ChunkGrid(new long[] {grid.frames(), crop, crop}, new int[] {depth, crop, crop});
        CentroidReducer.Sums kept = Centroids.kept(context, parent);
        if (!wholeFrames || kept != null) {
            double[][] centroids = kept != null ? CentroidReducer.finish(kept) : Centroids.run(context, source, progress);
            CropWindows windows = CropWindows.around(centroids, crop, grid.height(), grid.width());
            ArrayMeta planned = new ArrayMeta(targetName, parent.type(), outGrid, new RecenterRecipe(parent, windows));
            ArrayMeta made = HalfMade.start(context, (wholeFrames ? planned.placedWith(parent) : planned).calibrated(parent.calibration()));
            try {
                Persist.fold(context, made, new PersistReducer(), progress, "recenter " + source);
            } catch (RuntimeException e) {
                throw HalfMade.failed(context, made, e);
            }
            return HalfMade.finish(context, made);
        }
        PendingRecipe pending = new PendingRecipe("recenter of " + source, RecenterRecipe.origin(parent), RecenterRecipe.lineage(parent, crop));
        ArrayMeta made = HalfMade.start(context, new ArrayMeta(targetName, parent.type(), outGrid, pending).placedWith(parent)
                .calibrated(parent.calibration()));
        CentroidReducer.Sums sums;
        try {
            sums = ChunkReduction.run(context.ignite(), parent, new RecenterPass(made, crop), progress, context.history().start("recenter " + source));
        } catch (RuntimeException e) {
            throw HalfMade.failed(context, made, e);
        }
        CropWindows windows = CropWindows.around(CentroidReducer.finish(sums), crop, grid.height(), grid.width());
        return HalfMade.finish(context, made.withRecipe(new RecenterRecipe(parent, windows)));
    }

    /** The centroids and crop windows a recentered array was cut with. */
    public static CropWindows windows(OperationContext context, String recentered) {
        ArrayMeta meta = context.catalog().get(recentered);
        if (!(meta.recipe() instanceof RecenterRecipe)) {
            throw new GridStackException("'" + recentered + "' is not a recentered array (" + meta.recipe().describe() + ")");
        }
        return ((RecenterRecipe) meta.recipe()).windows();
    }
}
