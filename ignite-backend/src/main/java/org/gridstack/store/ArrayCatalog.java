package org.gridstack.store;

import org.gridstack.grid.GridCaches;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javax.cache.Cache;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteCache;
import org.apache.ignite.binary.BinaryObject;
import org.gridstack.base.GridStackException;
import org.gridstack.array.ArrayMeta;

/** Names to array metadata, in a replicated cache every node reads locally. */
public final class ArrayCatalog {
    /** ArrayMeta's identity field, as Ignite's binary format names it. */
    private static final String ID_FIELD = "id";

    private final IgniteCache<String, ArrayMeta> cache;
    private final IgniteCache<String, BinaryObject> binary;

    public ArrayCatalog(Ignite ignite) {
        this.cache = ignite.cache(GridCaches.CATALOG);
        this.binary = cache.withKeepBinary();
    }

    public ArrayMeta find(String name) {
        return cache.get(name);
    }

    public ArrayMeta get(String name) {
        ArrayMeta meta = cache.get(name);
        if (meta == null) {
            throw new GridStackException("no grid array named '" + name + "'" + (names().isEmpty() ? "" : "; open arrays: " + String.join(", ", names())));
        }
        return meta;
    }

    /**
     * Whether {@code meta} is the array cataloged under its name now (the same making of it, by identity). Asked for
     * every chunk a node makes, so it reads only the entry's id field, not the whole entry (a derived array's entry
     * holds its parents', a stack's every file name).
     */
    public boolean isCurrent(ArrayMeta meta) {
        BinaryObject current = binary.get(meta.name());
        return current != null && meta.id().equals(current.field(ID_FIELD));
    }

    public void put(ArrayMeta meta) {
        cache.put(meta.name(), meta);
    }

    public void remove(String name) {
        cache.remove(name);
    }

    public List<ArrayMeta> all() {
        List<ArrayMeta> all = new ArrayList<>();
        for (Cache.Entry<String, ArrayMeta> e : cache) all.add(e.getValue());
        all.sort(Comparator.comparing(ArrayMeta::name));
        return all;
    }

    public List<String> names() {
        List<String> names = new ArrayList<>();
        for (ArrayMeta m : all()) names.add(m.name());
        return names;
    }
}
