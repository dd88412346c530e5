package org.gridstack.ops.map;

import org.gridstack.array.ArrayMeta;
import org.gridstack.array.Calibration;
import org.gridstack.array.ChunkGrid;
import org.gridstack.base.Progress;
import org.gridstack.ops.ArrayNames;
import org.gridstack.ops.HalfMade;
import org.gridstack.ops.OpenStack;
import org.gridstack.ops.OperationContext;
import org.gridstack.ops.Persist;

/**
 * Map: a new array whose frames are the user's function of the source's frames (Dask's map_blocks for Fiji).
 * The function is first run on the first frames, which fixes the result's type and frame size; then every chunk is
 * made by its {@link MapRecipe} where it lives, in parallel on every core. When the source's chunks hold whole
 * frames the result has the same frames per chunk and each chunk is made beside its input.
 */
public final class MapFrames {
    private MapFrames() {}

    public static ArrayMeta run(OperationContext context, String source, String target, FrameMapper mapper, Progress progress) {
        ArrayMeta parent = context.catalog().get(source);
        String targetName = ArrayNames.target(source, target);
        ChunkGrid grid = parent.grid();
        boolean wholeFrames = grid.chunksAlong(1) == 1 && grid.chunksAlong(2) == 1;
        int inputDepth = wholeFrames ? grid.chunkShape()[0]
                : ChunkGrid.framesPerChunk(grid.frames(), (long) grid.height() * grid.width() * parent.type().bytes(), OpenStack.DEFAULT_CHUNK_BYTES);
        OutputShape shape = ShapeProbe.run(context.ignite(), parent, mapper, inputDepth, progress);
        int depth = wholeFrames ? inputDepth : ChunkGrid.framesPerChunk(grid.frames(), shape.frameBytes(), OpenStack.DEFAULT_CHUNK_BYTES);
        ChunkGrid outGrid = new ChunkGrid(new long[] {grid.frames(), shape.height(), shape.width()}, new int[] {depth, shape.height(), shape.width()});
        ArrayMeta planned = new ArrayMeta(targetName, shape.type(), outGrid, new MapRecipe(parent, mapper, shape))
                .calibrated(calibration(parent, shape));
        if (wholeFrames) planned = planned.placedWith(parent);
        ArrayMeta made = HalfMade.start(context, planned);
        try {
            Persist.run(context, targetName, progress, "map " + source + " with " + mapper.describe());
        } catch (RuntimeException e) {
            throw HalfMade.failed(context, made, e);
        }
        return HalfMade.finish(context, made);
    }

    /** The parent's calibration when the frame size is kept; else only its time axis (a resize changes the pixel size). */
    private static Calibration calibration(ArrayMeta parent, OutputShape shape) {
        Calibration c = parent.calibration();
        if (shape.height() == parent.grid().height() && shape.width() == parent.grid().width()) return c;
        return new Calibration(1, 1, null, c.frameInterval(), c.timeUnit());
    }
}
