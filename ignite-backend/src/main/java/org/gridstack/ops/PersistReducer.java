package org.gridstack.ops;

import org.gridstack.exec.ChunkReducer;
import org.gridstack.array.ArrayMeta;

/** Makes sure every chunk is in grid memory; the partial counts the bytes that are. */
public final class PersistReducer implements ChunkReducer<Long> {
    private static final long serialVersionUID = 1L;

    @Override
    public Long identity(ArrayMeta array) {
        return 0L;
    }

    @Override
    public Long accumulate(Long bytes, ArrayMeta array, long index, Object chunk) {
        return bytes + array.chunkBytes(index);
    }

    @Override
    public Long combine(Long a, Long b) {
        return a + b;
    }
}
