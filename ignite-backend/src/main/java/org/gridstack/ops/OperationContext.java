package org.gridstack.ops;

import org.apache.ignite.Ignite;
import org.gridstack.array.ArrayMeta;
import org.gridstack.store.ArrayCatalog;
import org.gridstack.store.ChunkStore;
import org.gridstack.store.LocalChunkCache;
import org.gridstack.telemetry.TaskHistory;

/** What every operation works with, on the caller's side: the grid, its catalog and chunk store, and the task history. */
public final class OperationContext {
    private final Ignite ignite;
    private final ArrayCatalog catalog;
    private final ChunkStore store;
    private final LocalChunkCache localCache;
    private final TaskHistory history;

    public OperationContext(Ignite ignite, LocalChunkCache localCache, TaskHistory history) {
        this.ignite = ignite;
        this.catalog = new ArrayCatalog(ignite);
        this.store = new ChunkStore(ignite);
        this.localCache = localCache;
        this.history = history;
    }

    public Ignite ignite() {
        return ignite;
    }

    public ArrayCatalog catalog() {
        return catalog;
    }

    public ChunkStore store() {
        return store;
    }

    public LocalChunkCache localCache() {
        return localCache;
    }

    public TaskHistory history() {
        return history;
    }

    /** Removes an array: its catalog entry, its chunks, and the caller's copies of them. */
    public void drop(String name) {
        ArrayMeta meta = catalog.get(name);
        catalog.remove(name);
        store.remove(meta);
        localCache.forget(meta.id());
    }

    /** Catalogs {@code meta}, first dropping an array of the same name if there is one. */
    public void replace(ArrayMeta meta) {
        if (catalog.find(meta.name()) != null) drop(meta.name());
        catalog.put(meta);
    }
}
