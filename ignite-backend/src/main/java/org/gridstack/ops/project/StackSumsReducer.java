package org.gridstack.ops.project;

import java.io.Serializable;
import org.gridstack.array.ArrayMeta;
import org.gridstack.exec.ChunkReducer;
import org.gridstack.ops.recenter.CentroidReducer;

/**
 * The sums Z Project (Average, Sum), slice means and centroids need, folded in the same pass: per pixel as
 * {@link ProjectionReducer} sums them, per frame as {@link SliceSumReducer} and {@link CentroidReducer} do, and the
 * bytes folded. An integer frame's exact sum is the centroid's total, so only float types sum frames separately
 * (their rounded sums depend on the order of the additions, which must stay slice means' own).
 */
final class StackSumsReducer implements ChunkReducer<StackSumsReducer.Sums> {
    private static final long serialVersionUID = 1L;

    private final ProjectionReducer pixels = new ProjectionReducer(Projection.SUM);
    private final SliceSumReducer frames = new SliceSumReducer();
    private final CentroidReducer centroids = new CentroidReducer();

    static final class Sums implements Serializable {
        private static final long serialVersionUID = 1L;

        PixelStats pixels;
        /** Float types only: integer frame sums are the centroids' totals (see {@link #frameSums()}). */
        SliceSumReducer.Sums frames;
        CentroidReducer.Sums centroids;
        long bytes;

        Sums(PixelStats pixels, SliceSumReducer.Sums frames, CentroidReducer.Sums centroids, long bytes) {
            this.pixels = pixels;
            this.frames = frames;
            this.centroids = centroids;
            this.bytes = bytes;
        }

        SliceSumReducer.Sums frameSums() {
            return frames != null ? frames : SliceSumReducer.Sums.exact(centroids.totals());
        }
    }

    @Override
    public Sums identity(ArrayMeta array) {
        return new Sums(pixels.identity(array), array.type().isInteger() ? null : frames.identity(array), centroids.identity(array), 0);
    }

    @Override
    public Sums accumulate(Sums s, ArrayMeta array, long index, Object chunk) {
        s.pixels = pixels.accumulate(s.pixels, array, index, chunk);
        if (s.frames != null) s.frames = frames.accumulate(s.frames, array, index, chunk);
        s.centroids = centroids.accumulate(s.centroids, array, index, chunk);
        s.bytes += array.chunkBytes(index);
        return s;
    }

    @Override
    public Sums partialDone(Sums s) {
        s.pixels = pixels.partialDone(s.pixels);
        return s;
    }

    @Override
    public Sums combine(Sums a, Sums b) {
        a.pixels = pixels.combine(a.pixels, b.pixels);
        if (a.frames != null) a.frames = frames.combine(a.frames, b.frames);
        a.centroids = centroids.combine(a.centroids, b.centroids);
        a.bytes += b.bytes;
        return a;
    }
}
