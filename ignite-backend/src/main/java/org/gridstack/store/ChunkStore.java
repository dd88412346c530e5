package org.gridstack.store;

import java.util.HashSet;
import java.util.Set;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteCache;
import org.apache.ignite.cache.CachePeekMode;
import org.apache.ignite.cluster.ClusterNode;
import org.gridstack.array.ArrayMeta;
import org.gridstack.array.Recipe;
import org.gridstack.grid.GridCaches;
import org.gridstack.grid.IgniteInternals;
import org.gridstack.telemetry.TaskEvent;

/**
 * The one gateway to chunks: every chunk of every grid array is read, made, written and removed here. Chunks are
 * primitive arrays in one partitioned Ignite cache, keyed by array identity and chunk index, held in each node's
 * bounded memory region; the chunks of a spilling array (one larger than the grid's memory can hold beside the
 * others, see {@code SpillPolicy}) are files on their owner's local disk instead, read back from there (through
 * the operating system's page cache, which is what keeps them in memory when there is room) rather than made
 * again. A chunk that is nowhere (never made, lost with a
 * node) is made from its array's recipe by whoever asks; it is stored only while its array is the one cataloged
 * under its name (the parent of a derived array may have been dropped or replaced since: its chunks are then made
 * for the reader alone, and nothing is left behind).
 */
public final class ChunkStore {
    private static final long REMOVE_BATCH_BYTES = 32L << 20;

    private final Ignite ignite;
    private final IgniteCache<ChunkKey, Object> cache;
    private final ArrayCatalog catalog;
    /** What recipes read their parents' chunks through: made if missing, or only if stored ({@link #peek}). */
    private final Recipe.ChunkReader parents = new Recipe.ChunkReader() {
        @Override
        public Object chunk(ArrayMeta array, long index) {
            return get(array, index);
        }

        @Override
        public Object stored(ArrayMeta array, long index) {
            return peek(array, index);
        }
    };

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
     * The chunk: a spilling array's from its file on the node that owns it (read there, or asked of that node),
     * any other array's from memory; made from its recipe (on this node) when it is not there.
     */
    public Fetched fetch(ArrayMeta array, long index) {
        Fetched stored = fetchStored(array, index);
        return new Fetched(MirroredFrames.full(array, index, stored.chunk), stored.how);
    }

    /** {@link #fetch}, the chunk as stored (a mirrored array's first frames, see {@link MirroredFrames}). */
    private Fetched fetchStored(ArrayMeta array, long index) {
        ChunkKey key = key(array, index);
        if (array.spills()) {
            if (isPrimary(key)) return fetchStoredHere(array, index);
            Object chunk = ignite.compute(ignite.cluster().forNode(owner(array, index))).call(new ChunkFileJobs.FetchOnOwner(array, index));
            return new Fetched(chunk, TaskEvent.Kind.TRANSFER);
        }
        Object chunk = read(key);
        if (chunk != null) return new Fetched(chunk, isPrimaryOrBackup(key) ? TaskEvent.Kind.READ : TaskEvent.Kind.TRANSFER);
        return make(array, index);
    }

    /** {@link #fetchStored} on the node that runs it: this node's file or memory, or the recipe. */
    Fetched fetchStoredHere(ArrayMeta array, long index) {
        Object chunk = array.spills() ? ChunkFiles.read(ignite, array, index) : read(key(array, index));
        if (chunk != null) return new Fetched(chunk, array.spills() ? TaskEvent.Kind.SPILL : TaskEvent.Kind.READ);
        return make(array, index);
    }

    /** The chunk made from its recipe here, and stored if its array is still the one cataloged under its name. */
    private Fetched make(ArrayMeta array, long index) {
        Object chunk = MirroredFrames.stored(array, index, array.recipe().makeChunk(array, index, parents));
        if (catalog.isCurrent(array)) putStored(array, index, chunk);
        return new Fetched(chunk, TaskEvent.Kind.MAKE);
    }

    /**
     * Stores a chunk an operation made, on the chunk's owner (where operations make chunks, so that nothing
     * travels): a spilling array's in a file on the owner's disk (sent there if the owner changed meanwhile, as
     * when a node left), any other array's in the grid's memory. A byte[] chunk is handed to Ignite as it is, not
     * copied: it must not change until put returns (it may be reused after).
     */
    public void put(ArrayMeta array, long index, Object chunk) {
        putStored(array, index, MirroredFrames.stored(array, index, chunk));
    }

    private void putStored(ArrayMeta array, long index, Object chunk) {
        ChunkKey key = key(array, index);
        if (!array.spills()) cache.put(key, IgniteInternals.storedAsIs(chunk));
        else if (isPrimary(key)) ChunkFiles.write(ignite, array, index, chunk);
        else ignite.compute(ignite.cluster().forNode(owner(array, index))).run(new ChunkFileJobs.WriteOnOwner(array, index, chunk));
    }

    /**
     * A chunk in memory: this node's copy through localPeek when it has one, else get (from its owner, or here when
     * its partition is still arriving). Both hand out an array of the caller's own (read from the pages), but get
     * copies it once more (Ignite's copy-on-read of a byte[] value, which the cache's copyOnRead setting does not turn
     * off); peek does not, which spares a chunk's worth of memory traffic per local read. localPeek only looks at this
     * node, so a chunk held elsewhere costs one local lookup before the get.
     */
    private Object read(ChunkKey key) {
        Object chunk = cache.localPeek(key, CachePeekMode.PRIMARY, CachePeekMode.BACKUP);
        return chunk != null ? chunk : cache.get(key);
    }

    private boolean isPrimaryOrBackup(ChunkKey key) {
        return ignite.affinity(GridCaches.CHUNKS).isPrimaryOrBackup(ignite.cluster().localNode(), key);
    }

    boolean isPrimary(ArrayMeta array, long index) {
        return isPrimary(key(array, index));
    }

    private boolean isPrimary(ChunkKey key) {
        return ignite.affinity(GridCaches.CHUNKS).isPrimary(ignite.cluster().localNode(), key);
    }

    /**
     * Frames [t0, t0 + n) of a chunk (counted from its first frame) as a row-major (n, ch, cw) array: for a spilling
     * array just that part of its file is read (a frame of a time-series block is a small run of it), otherwise
     * the chunk is fetched and the frames copied out.
     */
    public Object frames(ArrayMeta array, long index, int t0, int n) {
        if (!array.spills()) return slice(array, index, get(array, index), t0, n);
        if (isPrimary(key(array, index))) return framesHere(array, index, t0, n);
        return ignite.compute(ignite.cluster().forNode(owner(array, index))).call(new ChunkFileJobs.FramesOnOwner(array, index, t0, n));
    }

    Object framesHere(ArrayMeta array, long index, int t0, int n) {
        Object frames = t0 + n <= array.storedFrames(index) ? ChunkFiles.readFrames(ignite, array, index, t0, n)
                : MirroredFrames.frames(array, index, t0, n, s -> ChunkFiles.readFrames(ignite, array, index, s, 1));
        return frames != null ? frames : slice(array, index, get(array, index), t0, n);
    }

    private static Object slice(ArrayMeta array, long index, Object chunk, int t0, int n) {
        int[] extent = array.grid().extent(index);
        if (t0 == 0 && n == extent[0]) return chunk;
        int plane = extent[1] * extent[2];
        Object frames = array.type().allocate(n * plane);
        System.arraycopy(chunk, t0 * plane, frames, 0, n * plane);
        return frames;
    }

    /** The chunk if it is stored now (in memory, or a spilling array's file on this node), else null; never makes it. */
    public Object peek(ArrayMeta array, long index) {
        ChunkKey key = key(array, index);
        Object stored = !array.spills() ? read(key) : isPrimary(key) ? ChunkFiles.read(ignite, array, index) : null;
        return MirroredFrames.full(array, index, stored);
    }

    /** True if the chunk is stored now (in memory, or in its file on its owner), without making it. */
    public boolean contains(ArrayMeta array, long index) {
        if (!array.spills()) return cache.containsKey(key(array, index));
        if (isPrimary(key(array, index))) return ChunkFiles.exists(ignite, array, index);
        return ignite.compute(ignite.cluster().forNode(owner(array, index))).call(new ChunkFileJobs.FileExists(array, index));
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
            bytes += array.storedChunkBytes(i);
            if (keys.size() == 1024 || bytes >= REMOVE_BATCH_BYTES) {
                cache.removeAll(keys);
                keys.clear();
                bytes = 0;
            }
        }
        cache.removeAll(keys);
        if (array.spills()) ignite.compute(ignite.cluster().forServers()).broadcast(new ChunkFileJobs.DeleteFiles(array.id()));
    }

    /** How many of an array's chunks are stored now: in memory, or a spilling array's in files (keys only; no chunk is read). */
    public long countPresent(ArrayMeta array) {
        if (array.spills()) {
            long files = 0;
            for (Long n : ignite.compute(ignite.cluster().forServers()).broadcast(new ChunkFileJobs.CountFiles(array))) files += n;
            return files;
        }
        long present = 0;
        for (long i = 0; i < array.grid().chunkCount(); i++) {
            if (cache.containsKey(key(array, i))) present++;
        }
        return present;
    }
}
