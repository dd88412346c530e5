package org.gridstack.store;

import org.gridstack.grid.GridCaches;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javax.cache.Cache;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteCache;
import org.gridstack.base.GridStackException;
import org.gridstack.array.ArrayMeta;

/** Names to array metadata, in a replicated cache every node reads locally. */
public final class ArrayCatalog {
    private final IgniteCache<String, ArrayMeta> cache;

    public ArrayCatalog(Ignite ignite) {
        this.cache = ignite.cache(GridCaches.CATALOG);
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

    /** Whether {@code meta} is the array cataloged under its name now (the same making of it, by identity). */
    public boolean isCurrent(ArrayMeta meta) {
        ArrayMeta current = cache.get(meta.name());
        return current != null && current.id().equals(meta.id());
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
