package org.gridstack.store;

import java.util.Objects;
import org.apache.ignite.cache.affinity.AffinityKeyMapped;

/**
 * Key of one chunk in the chunk store: the array's identity (not its name: an array opened again under a name
 * is another array, and arrays derived from it keep reading the first) and the chunk's index. Which node owns the
 * chunk follows its placement: the array's own identity and the index, so chunks spread evenly, or those of the
 * array it is placed with (see {@link org.gridstack.array.ArrayMeta#placedWith}), so chunk i of both live together.
 */
public final class ChunkKey {
    private final String arrayId;
    private final long index;
    @AffinityKeyMapped
    private final String placement;

    ChunkKey(String arrayId, long index, String placementId) {
        this.arrayId = arrayId;
        this.index = index;
        this.placement = placementId + "#" + index;
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
