package org.gridstack.array;

import java.io.Serializable;

/**
 * Catalog entry of a grid array: its name, element type, chunk geometry and recipe. Small, replicated. Chunks are
 * row-major (t, row, col) primitive arrays of the type's Java primitive, in any chunk shape (see {@link ChunkGrid}).
 */
public final class ArrayMeta implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String name;
    private final DataType type;
    private final ChunkGrid grid;
    private final Recipe recipe;

    public ArrayMeta(String name, DataType type, ChunkGrid grid, Recipe recipe) {
        this.name = name;
        this.type = type;
        this.grid = grid;
        this.recipe = recipe;
    }

    public String name() {
        return name;
    }

    public DataType type() {
        return type;
    }

    public ChunkGrid grid() {
        return grid;
    }

    public Recipe recipe() {
        return recipe;
    }

    public long bytes() {
        return grid.elements() * type.bytes();
    }

    public long chunkBytes(long index) {
        return (long) grid.chunkElements(index) * type.bytes();
    }

    @Override
    public String toString() {
        return name + ": " + type.label() + ", " + grid + ", " + recipe.describe();
    }
}
