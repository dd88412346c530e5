package org.gridstack.store;

import java.util.Objects;

/**
 * Key of one chunk in the chunk store: the array's identity (not its name: an array opened again under a name
 * is another array, and arrays derived from the first keep reading the first) and the chunk's index. The whole
 * key decides the owning node, so chunks spread evenly.
 */
public final class ChunkKey {
    private final String arrayId;
    private final long index;

    ChunkKey(String arrayId, long index) {
        this.arrayId = arrayId;
        this.index = index;
    }

    public String arrayId() {
        return arrayId;
    }

    public long index() {
        return index;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChunkKey && index == ((ChunkKey) o).index && arrayId.equals(((ChunkKey) o).arrayId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(arrayId, index);
    }

    @Override
    public String toString() {
        return arrayId + "#" + index;
    }
}
