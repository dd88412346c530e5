package org.gridstack.ops;

import org.apache.ignite.Ignite;
import org.gridstack.array.ArrayMeta;
import org.gridstack.base.GridStackException;
import org.gridstack.store.ArrayCatalog;
import org.gridstack.store.ChunkStore;
import org.gridstack.store.LocalChunkCache;
import org.gridstack.telemetry.TaskHistory;

/**
 * What every operation works with, on the caller's side: the grid, its catalog and chunk store, the task history,
 * and the results kept for later operations ({@link ResultMemo}).
 */
public final class OperationContext {
    /** What the memo may hold: the per-pixel sums of a few stacks of 2000 x 2000 frames. */
    private static final long MEMO_BYTES = 256L << 20;

    private final Ignite ignite;
    private final ArrayCatalog catalog;
    private final ChunkStore store;
    private final LocalChunkCache localCache;
    private final TaskHistory history;
    private final ResultMemo memo;
    private final boolean overwrite;

    public OperationContext(Ignite ignite, LocalChunkCache localCache, TaskHistory history) {
        this(ignite, new ArrayCatalog(ignite), new ChunkStore(ignite), localCache, history, new ResultMemo(MEMO_BYTES), false);
    }

    private OperationContext(Ignite ignite, ArrayCatalog catalog, ChunkStore store, LocalChunkCache localCache, TaskHistory history,
            ResultMemo memo, boolean overwrite) {
        this.ignite = ignite;
        this.catalog = catalog;
        this.store = store;
        this.localCache = localCache;
        this.history = history;
        this.memo = memo;
        this.overwrite = overwrite;
    }

    /** The same context, whose operations may replace any array of their result's name (see {@link #place}). */
    public OperationContext overwriting() {
        return new OperationContext(ignite, catalog, store, localCache, history, memo, true);
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

    public ResultMemo memo() {
        return memo;
    }

    /** Removes an array: its catalog entry, its chunks, and the caller's copies of them. */
    public void drop(String name) {
        ArrayMeta meta = catalog.get(name);
        catalog.remove(name);
        store.remove(meta);
        localCache.forget(meta.id());
        memo.forget(meta.id());
    }

    /**
     * Catalogs a new array once everything about it has been checked. An array already cataloged under its name
     * is replaced only if it is an earlier result of the same command on the same input (the same
     * {@link org.gridstack.array.Recipe#origin()}: running a command again replaces its result), or if this context
     * overwrites; any other array is kept and the new one refused, naming both. Arrays derived from the one
     * replaced keep their own record of it (lineage is by identity), so they are not changed underneath.
     */
    public void place(ArrayMeta meta) {
        place(meta, catalog.find(meta.name()));
    }

    /** {@link #place(ArrayMeta)}, {@code existing} being what the catalog holds under the name (just looked up), or null. */
    public void place(ArrayMeta meta, ArrayMeta existing) {
        if (existing != null) {
            if (!replaces(existing, meta)) {
                throw new GridStackException("an array named '" + meta.name() + "' exists already (" + existing.recipe().describe()
                        + "): give the result another name, drop that array first, or overwrite it (overwrite=true; in "
                        + "scripts, grid.overwriting())");
            }
            drop(meta.name());
        }
        catalog.put(meta);
    }

    /** Whether {@link #place} would replace an array of {@code meta}'s name (false if there is none). */
    public boolean replaces(ArrayMeta meta) {
        ArrayMeta existing = catalog.find(meta.name());
        return existing != null && replaces(existing, meta);
    }

    private boolean replaces(ArrayMeta existing, ArrayMeta meta) {
        return overwrite || existing.recipe().origin().equals(meta.recipe().origin());
    }
}
