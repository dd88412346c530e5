package org.gridstack.store;

import java.util.Objects;

/** Key of one chunk in the chunk store. The whole key decides the owning node, so chunks spread evenly. */
public final class ChunkKey {
    private final String array;
    private final long index;

    public ChunkKey(String array, long index) {
        this.array = array;
        this.index = index;
    }

    public String array() {
        return array;
    }

    public long index() {
        return index;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChunkKey && index == ((ChunkKey) o).index && array.equals(((ChunkKey) o).array);
    }

    @Override
    public int hashCode() {
        return Objects.hash(array, index);
    }

    @Override
    public String toString() {
        return array + "#" + index;
    }
}
