package org.gridstack.ops.map;

import org.gridstack.array.ArrayMeta;
import org.gridstack.array.Recipe;
import org.gridstack.base.GridStackException;
import org.gridstack.ops.ArrayNames;

/**
 * Makes a chunk of a mapped array: reads the same frames of the parent and runs the user's function on them,
 * a slice (or the chunk's frames) per call. A lost or evicted chunk is remade the same way on whichever node holds
 * it now, so the function must give the same frames for the same input.
 */
public final class MapRecipe implements Recipe {
    private static final long serialVersionUID = 1L;

    private final ArrayMeta parent;
    private final FrameMapper mapper;
    private final OutputShape shape;

    public MapRecipe(ArrayMeta parent, FrameMapper mapper, OutputShape shape) {
        this.parent = parent;
        this.mapper = mapper;
        this.shape = shape;
    }

    public FrameMapper mapper() {
        return mapper;
    }

    @Override
    public Object makeChunk(ArrayMeta array, long index, ChunkReader parents) {
        UserCodePolicy.checkThisJvm(mapper);
        long first = array.grid().origin(index)[0];
        int count = array.grid().extent(index)[0];
        Frames in = FrameReads.read(parent, parents, first, count);
        Frames[] calls = FrameReads.calls(in, mapper);
        if (calls.length == 1) {
            Frames out = apply(calls[0]);
            shape.check(out, calls[0], mapper);
            return out.pixels();
        }
        Object chunk = shape.type().allocate(count * shape.height() * shape.width());
        int at = 0;
        for (Frames call : calls) {
            Frames out = apply(call);
            shape.check(out, call, mapper);
            int length = java.lang.reflect.Array.getLength(out.pixels());
            System.arraycopy(out.pixels(), 0, chunk, at, length);
            at += length;
        }
        return chunk;
    }

    private Frames apply(Frames call) {
        try {
            return mapper.map(call);
        } catch (GridStackException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new GridStackException(call.slices() + " of '" + parent.name() + "': " + mapper.describe() + " failed: " + e, e);
        }
    }

    static String origin(ArrayMeta parent) {
        return ArrayNames.derivedOrigin("map", parent.name());
    }

    @Override
    public String origin() {
        return origin(parent);
    }

    @Override
    public String lineage() {
        return "map of " + parent.id() + " by " + mapper.identity();
    }

    @Override
    public ArrayMeta parent() {
        return parent;
    }

    @Override
    public String describe() {
        return mapper.describe() + " on '" + parent.name() + "'";
    }
}
