package org.gridstack.exec;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.ignite.Ignite;
import org.apache.ignite.cluster.ClusterNode;
import org.gridstack.array.ArrayMeta;
import org.gridstack.grid.GridCaches;
import org.gridstack.store.ChunkKey;
import org.gridstack.store.ChunkStore;

/** Where chunks live now, and how a node's chunks are shared out among the jobs that run there. */
public final class ChunkOwners {
    private ChunkOwners() {}

    /** Every chunk of {@code array}, grouped by the node that owns it now (indices ascending). */
    public static Map<ClusterNode, long[]> of(Ignite ignite, ArrayMeta array) {
        long[] all = new long[(int) array.grid().chunkCount()];
        for (int i = 0; i < all.length; i++) all[i] = i;
        return of(ignite, array, all);
    }

    /** The chunks {@code indices} of {@code array}, grouped by the node that owns each now (ascending). */
    public static Map<ClusterNode, long[]> of(Ignite ignite, ArrayMeta array, long[] indices) {
        List<ChunkKey> keys = new ArrayList<>();
        for (long i : indices) keys.add(ChunkStore.key(array, i));
        Map<ClusterNode, Collection<ChunkKey>> byOwner = ignite.<ChunkKey>affinity(GridCaches.CHUNKS).mapKeysToNodes(keys);
        Map<ClusterNode, long[]> owned = new HashMap<>();
        byOwner.forEach((node, k) -> owned.put(node, k.stream().mapToLong(ChunkKey::index).sorted().toArray()));
        return owned;
    }

    /**
     * {@code owned} dealt round-robin into {@code jobs} fixed shares. Fixed, so that a job run again elsewhere after
     * a failure covers exactly the same chunks; round-robin, so that every job walks the whole range.
     */
    public static long[][] shares(long[] owned, int jobs) {
        int count = Math.max(1, Math.min(jobs, owned.length));
        long[][] shares = new long[count][];
        for (int j = 0; j < count; j++) {
            shares[j] = new long[(owned.length - j + count - 1) / count];
            for (int k = 0; k < shares[j].length; k++) shares[j][k] = owned[j + k * count];
        }
        return shares;
    }

    /** The CPUs a node reports (at least 1). */
    public static int cpus(ClusterNode node) {
        return Math.max(1, node.metrics().getTotalCpus());
    }
}
