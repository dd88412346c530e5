package org.gridstack.store;

import java.util.HashSet;
import java.util.Set;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteCache;
import org.apache.ignite.cluster.ClusterNode;
import org.gridstack.array.ArrayMeta;
import org.gridstack.grid.GridCaches;
import org.gridstack.telemetry.TaskEvent;

/**
 * The one gateway to the chunk cache: every chunk of every grid array is read, made, written and removed here.
 * Chunks are primitive arrays in one partitioned Ignite cache, keyed by array identity and chunk index, held in
 * each node's bounded memory region. The chunks of a spilling array (one larger than the grid's memory can hold
 * beside the others) are also written to a file on their owner's disk as they are made, so that a chunk evicted
 * from memory is read back from disk rather than made again. A chunk that is nowhere (never made, lost with a
 * node) is made from its array's recipe by whoever asks; it is stored only while its array is the one cataloged
 * under its name (the parent of a derived array may have been dropped or replaced since: its chunks are then made
 * for the reader alone, and nothing is left behind).
 */
public final class ChunkStore {
    private static final long REMOVE_BATCH_BYTES = 32L << 20;

    private final Ignite ignite;
    private final IgniteCache<ChunkKey, Object> cache;
    private final ArrayCatalog catalog;

    public ChunkStore(Ignite ignite) {
        this.ignite = ignite;
        this.cache = ignite.cache(GridCaches.CHUNKS);
        this.catalog = new ArrayCatalog(ignite);
    }

    public static ChunkKey key(ArrayMeta array, long index) {
        return new ChunkKey(array.id(), index, array.placement());
    }

    /** The node that holds (or will hold) a chunk now. */
    public ClusterNode owner(ArrayMeta array, long index) {
        return ignite.affinity(GridCaches.CHUNKS).mapKeyToNode(key(array, index));
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

    /**
     * The chunk: from memory; else, for a spilling array, from its file on the node that owns it (where this runs,
     * or by asking that node); else made from its recipe here.
     */
    public Fetched fetch(ArrayMeta array, long index) {
        ChunkKey key = key(array, index);
        Object chunk = cache.get(key);
        if (chunk != null) return new Fetched(chunk, isLocal(key) ? TaskEvent.Kind.READ : TaskEvent.Kind.TRANSFER);
        if (array.spills() && !isPrimary(key)) {
            ClusterNode owner = owner(array, index);
            return new Fetched(ignite.compute(ignite.cluster().forNode(owner)).call(new ChunkFileJobs.FetchOnOwner(array, index)),
                    TaskEvent.Kind.TRANSFER);
        }
        return fetchHere(array, index);
    }

    /** {@link #fetch} on the node that runs it: memory, this node's chunk file, or the recipe. */
    Fetched fetchHere(ArrayMeta array, long index) {
        ChunkKey key = key(array, index);
        Object chunk = cache.get(key);
        if (chunk != null) return new Fetched(chunk, TaskEvent.Kind.READ);
        if (array.spills()) {
            chunk = ChunkFiles.read(ignite, array, index);
            if (chunk != null) {
                cache.put(key, chunk);
                return new Fetched(chunk, TaskEvent.Kind.SPILL);
            }
        }
        chunk = array.recipe().makeChunk(array, index, this::get);
        if (catalog.isCurrent(array)) put(array, index, chunk);
        return new Fetched(chunk, TaskEvent.Kind.MAKE);
    }

    /**
     * Stores a chunk an operation made (on the chunk's owner, so that the put stays local); a spilling array's
     * chunk also goes to a file on the owner's disk.
     */
    public void put(ArrayMeta array, long index, Object chunk) {
        ChunkKey key = key(array, index);
        cache.put(key, chunk);
        if (array.spills() && isPrimary(key)) ChunkFiles.write(ignite, array, index, chunk);
    }

    private boolean isLocal(ChunkKey key) {
        return ignite.affinity(GridCaches.CHUNKS).isPrimaryOrBackup(ignite.cluster().localNode(), key);
    }

    private boolean isPrimary(ChunkKey key) {
        return ignite.affinity(GridCaches.CHUNKS).isPrimary(ignite.cluster().localNode(), key);
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
        if (array.spills()) ignite.compute(ignite.cluster().forServers()).broadcast(new ChunkFileJobs.DeleteFiles(array.id()));
    }

    /** How many of an array's chunks are in memory (keys only; no chunk is read). */
    public long countPresent(ArrayMeta array) {
        long present = 0;
        for (long i = 0; i < array.grid().chunkCount(); i++) {
            if (cache.containsKey(key(array, i))) present++;
        }
        return present;
    }
}
