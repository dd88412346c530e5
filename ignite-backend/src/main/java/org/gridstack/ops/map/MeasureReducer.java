package org.gridstack.ops.map;

import org.gridstack.array.ArrayMeta;
import org.gridstack.base.GridStackException;
import org.gridstack.exec.ChunkReducer;

/** Runs a {@link FrameMeasurer} on every slice of each chunk where the chunk lives; the partials are the rows. */
final class MeasureReducer implements ChunkReducer<Measurements> {
    private static final long serialVersionUID = 1L;

    private final FrameMeasurer measurer;

    MeasureReducer(FrameMeasurer measurer) {
        this.measurer = measurer;
    }

    @Override
    public Measurements identity(ArrayMeta array) {
        return new Measurements();
    }

    @Override
    public Measurements accumulate(Measurements rows, ArrayMeta array, long index, Object chunk) {
        UserCodePolicy.checkThisJvm(measurer);
        int[] extent = array.grid().extent(index);
        Frames frames = new Frames(array.type(), array.grid().origin(index)[0], extent[0], extent[1], extent[2], chunk);
        for (int i = 0; i < frames.count(); i++) {
            Frames slice = frames.count() == 1 ? frames : frames.part(i, 1);
            rows.add(slice.first() + 1, measure(slice, array));
        }
        return rows;
    }

    private java.util.List<java.util.Map<String, Object>> measure(Frames slice, ArrayMeta array) {
        try {
            return measurer.measure(slice);
        } catch (GridStackException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new GridStackException(slice.slices() + " of '" + array.name() + "': " + measurer.describe() + " failed: " + e, e);
        }
    }

    @Override
    public Measurements combine(Measurements a, Measurements b) {
        return a.merge(b);
    }
}
