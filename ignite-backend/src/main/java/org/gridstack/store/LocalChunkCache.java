package org.gridstack.store;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.gridstack.array.DataType;

/**
 * A caller-side, byte-bounded LRU copy of chunks, so that scrolling a stack or walking an image's cells does not
 * fetch the same chunk from the grid once per slice. Loads run outside the lock, so one slow remote fetch does not
 * hold up readers of other chunks; two threads missing the same chunk at once may both fetch it (the values are
 * the same, one copy is kept).
 */
public final class LocalChunkCache {
    private final long capacityBytes;
    private long bytes;
    private final LinkedHashMap<ChunkKey, Object> chunks = new LinkedHashMap<>(16, 0.75f, true);

    public LocalChunkCache(long capacityBytes) {
        this.capacityBytes = capacityBytes;
    }

    public Object get(ChunkKey key, Supplier<Object> load) {
        synchronized (this) {
            Object chunk = chunks.get(key);
            if (chunk != null) return chunk;
        }
        Object loaded = load.get();
        synchronized (this) {
            Object raced = chunks.get(key);
            if (raced != null) return raced;
            chunks.put(key, loaded);
            bytes += DataType.sizeOf(loaded);
            evictBeyondCapacity(key);
            return loaded;
        }
    }

    private void evictBeyondCapacity(ChunkKey keep) {
        Iterator<Map.Entry<ChunkKey, Object>> it = chunks.entrySet().iterator();
        while (bytes > capacityBytes && chunks.size() > 1 && it.hasNext()) {
            Map.Entry<ChunkKey, Object> eldest = it.next();
            if (eldest.getKey().equals(keep)) continue;
            bytes -= DataType.sizeOf(eldest.getValue());
            it.remove();
        }
    }

    /** Drops the copies of one array's chunks. */
    public synchronized void forget(String arrayId) {
        Iterator<Map.Entry<ChunkKey, Object>> it = chunks.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<ChunkKey, Object> e = it.next();
            if (e.getKey().arrayId().equals(arrayId)) {
                bytes -= DataType.sizeOf(e.getValue());
                it.remove();
            }
        }
    }
}
