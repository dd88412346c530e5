package org.gridstack.store;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.gridstack.array.DataType;

/**
 * A caller-side, byte-bounded LRU of chunks, so that scrolling a stack or walking an image's cells does not fetch
 * the same chunk from the grid once per slice.
 */
public final class ChunkCache {
    private final long capacityBytes;
    private long bytes;
    private final LinkedHashMap<ChunkKey, Object> chunks = new LinkedHashMap<>(16, 0.75f, true);

    public ChunkCache(long capacityBytes) {
        this.capacityBytes = capacityBytes;
    }

    public synchronized Object get(ChunkKey key, Supplier<Object> load) {
        Object chunk = chunks.get(key);
        if (chunk != null) return chunk;
        chunk = load.get();
        chunks.put(key, chunk);
        bytes += sizeOf(chunk);
        Iterator<Map.Entry<ChunkKey, Object>> it = chunks.entrySet().iterator();
        while (bytes > capacityBytes && chunks.size() > 1 && it.hasNext()) {
            Map.Entry<ChunkKey, Object> eldest = it.next();
            if (eldest.getKey().equals(key)) continue;
            bytes -= sizeOf(eldest.getValue());
            it.remove();
        }
        return chunk;
    }

    public synchronized void forget(String array) {
        Iterator<Map.Entry<ChunkKey, Object>> it = chunks.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<ChunkKey, Object> e = it.next();
            if (e.getKey().array().equals(array)) {
                bytes -= sizeOf(e.getValue());
                it.remove();
            }
        }
    }

    private static long sizeOf(Object chunk) {
        int elementBytes = chunk instanceof byte[] ? 1 : chunk instanceof short[] ? 2 : chunk instanceof float[] ? 4 : 8;
        return (long) DataType.length(chunk) * elementBytes;
    }
}
