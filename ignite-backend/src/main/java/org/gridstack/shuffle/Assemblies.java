package org.gridstack.shuffle;

import java.util.Iterator;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentMap;
import org.apache.ignite.Ignite;
import org.gridstack.array.ArrayMeta;
import org.gridstack.base.GridStackException;
import org.gridstack.array.DataType;

/** The output blocks one node is assembling for one shuffle, kept in that node's node-local map. */
final class Assemblies {
    private final ConcurrentHashMap<Long, BlockAssembly> blocks = new ConcurrentHashMap<>();
    /** Arrays free to be written again (stored outputs, transformed assemblies): fresh ones cost page faults and GCs. */
    private final ConcurrentLinkedQueue<Object> spares = new ConcurrentLinkedQueue<>();

    /** Left in the node-local map by {@link #forget}: jobs of an abandoned shuffle attempt that still run fail fast. */
    private static final String FORGOTTEN = "forgotten";

    static Assemblies of(Ignite ignite, String shuffleId) {
        ConcurrentMap<String, Object> local = ignite.cluster().nodeLocalMap();
        Object assemblies = local.computeIfAbsent(key(shuffleId), k -> new Assemblies());
        if (assemblies == FORGOTTEN) throw new GridStackException("shuffle " + shuffleId + " was abandoned");
        return (Assemblies) assemblies;
    }

    /** Drops the assemblies; pieces that still arrive for this shuffle are refused rather than assembled anew. */
    static void forget(Ignite ignite, String shuffleId) {
        ignite.cluster().nodeLocalMap().put(key(shuffleId), FORGOTTEN);
    }

    private static String key(String shuffleId) {
        return "gridstack-shuffle-" + shuffleId;
    }

    /** The assembly of block {@code index} of {@code layout} (the output geometry in the source's type). */
    BlockAssembly block(ArrayMeta layout, long index) {
        return blocks.computeIfAbsent(index, i -> {
            int length = layout.grid().chunkElements(i);
            Object buffer = spare(layout.type(), length);
            return new BlockAssembly(i, buffer != null ? buffer : layout.type().allocate(length), layout.grid().extent(i));
        });
    }

    /** A spare array of {@code type} and {@code length} (old contents), or null. */
    Object spare(DataType type, int length) {
        for (Object s : spares) {
            if (DataType.of(s) == type && DataType.length(s) == length && spares.remove(s)) return s;
        }
        return null;
    }

    /** Hands back an array nobody reads any more, for {@link #spare}. */
    void recycle(Object array) {
        spares.add(array);
    }

    /** Removes and returns any one block, or null when none is left. */
    BlockAssembly take() {
        Iterator<Long> it = blocks.keySet().iterator();
        while (it.hasNext()) {
            BlockAssembly b = blocks.remove(it.next());
            if (b != null) return b;
        }
        return null;
    }
}
