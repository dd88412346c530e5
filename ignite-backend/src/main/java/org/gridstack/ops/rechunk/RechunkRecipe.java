package org.gridstack.ops.rechunk;

import org.gridstack.array.ArrayMeta;
import org.gridstack.array.ChunkGather;
import org.gridstack.array.Recipe;
import org.gridstack.ops.ArrayNames;

/**
 * The same values as the parent in another chunk layout. Used only to remake a lost or evicted block (it reads
 * every parent chunk the block overlaps); whole arrays are made by the shuffle.
 */
public final class RechunkRecipe implements Recipe {
    private static final long serialVersionUID = 1L;

    private final ArrayMeta parent;

    public RechunkRecipe(ArrayMeta parent) {
        this.parent = parent;
    }

    @Override
    public Object makeChunk(ArrayMeta array, long index, ChunkReader parents) {
        return gather(parent, array, index, parents);
    }

    /** Chunk {@code index} of {@code layout}'s geometry, filled from {@code parent}, in the parent's type. */
    public static Object gather(ArrayMeta parent, ArrayMeta layout, long index, ChunkReader parents) {
        int[] extent = layout.grid().extent(index);
        Object block = parent.type().allocate(extent[0] * extent[1] * extent[2]);
        ChunkGather.box(parent, parents, layout.grid().origin(index), extent, block, extent, new int[3]);
        return block;
    }

    @Override
    public String origin() {
        return ArrayNames.derivedOrigin("rechunk", parent.name());
    }

    @Override
    public String lineage() {
        return "rechunk of " + parent.id();
    }

    @Override
    public ArrayMeta parent() {
        return parent;
    }

    @Override
    public String describe() {
        return "rechunked from '" + parent.name() + "'";
    }
}
