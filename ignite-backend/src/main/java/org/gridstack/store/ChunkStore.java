package org.gridstack.store;

import org.gridstack.grid.GridCaches;
import java.util.HashSet;
import java.util.Set;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteCache;
import org.apache.ignite.cache.CachePeekMode;
import org.gridstack.array.ArrayMeta;
import org.gridstack.telemetry.TaskEvent;

/**
 * Chunks of every grid array as primitive arrays in one partitioned cache. A chunk that is not there (never made,
 * evicted, lost) is made from its array's recipe by whoever asks, and stored.
 */
public final class ChunkStore {
    private final Ignite ignite;
    private final IgniteCache<ChunkKey, Object> cache;
    private final ArrayCatalog catalog;

    public ChunkStore(Ignite ignite) {
        this.ignite = ignite;
        this.cache = ignite.cache(GridCaches.CHUNKS);
        this.catalog = new ArrayCatalog(ignite);
    }

    public static ChunkKey key(ArrayMeta array, long index) {
        return new ChunkKey(array.name(), index);
    }

    public Object get(ArrayMeta array, long index) {
        return fetch(array, index).chunk;
    }

    /** A chunk and how it was had: made from its recipe, read on this node, or received from another node. */
    public static final class Fetched {
        public final Object chunk;
        public final TaskEvent.Kind how;

        Fetched(Object chunk, TaskEvent.Kind how) {
            this.chunk = chunk;
            this.how = how;
        }
    }

    public Fetched fetch(ArrayMeta array, long index) {
        ChunkKey key = key(array, index);
        Object chunk = cache.get(key);
        if (chunk != null) {
            boolean local = ignite.affinity(GridCaches.CHUNKS).isPrimaryOrBackup(ignite.cluster().localNode(), key);
            return new Fetched(chunk, local ? TaskEvent.Kind.READ : TaskEvent.Kind.TRANSFER);
        }
        chunk = array.recipe().makeChunk(array, index, (parent, i) -> get(catalog.get(parent), i));
        cache.put(key, chunk);
        return new Fetched(chunk, TaskEvent.Kind.MAKE);
    }

    /** The chunk if it is in memory now, else null; never makes it. */
    public Object peek(ArrayMeta array, long index) {
        return cache.get(key(array, index));
    }

    /** True if the chunk is in memory now (without making it). */
    public boolean contains(ArrayMeta array, long index) {
        return cache.containsKey(key(array, index));
    }

    /**
     * Removes an array's chunks, in batches of at most {@value #REMOVE_BATCH_BYTES} bytes of chunks: with native
     * persistence a batch is removed under one checkpoint lock, and a batch whose pages outgrow the data region
     * leaves nothing to evict ("no pages to replace": the node halts), as 1024 chunks of 16 MB in a 256 MB
     * region did.
     */
    public void remove(ArrayMeta array) {
        Set<ChunkKey> keys = new HashSet<>();
        long bytes = 0;
        for (long i = 0; i < array.grid().chunkCount(); i++) {
            keys.add(key(array, i));
            bytes += array.chunkBytes(i);
            if (keys.size() == 1024 || bytes >= REMOVE_BATCH_BYTES) {
                cache.removeAll(keys);
                keys.clear();
                bytes = 0;
            }
        }
        cache.removeAll(keys);
    }

    private static final long REMOVE_BATCH_BYTES = 32L << 20;

    /** How many of an array's chunks are in memory (keys only; no chunk is read). */
    public long countPresent(ArrayMeta array) {
        long present = 0;
        for (long i = 0; i < array.grid().chunkCount(); i++) {
            if (cache.containsKey(key(array, i))) present++;
        }
        return present;
    }

    /** Number of chunks (of all arrays) held in memory across the grid. */
    public long size() {
        return cache.sizeLong(CachePeekMode.PRIMARY);
    }
}
