package org.gridstack.grid;

import java.util.List;
import org.apache.ignite.Ignite;
import org.apache.ignite.cluster.ClusterNode;
import org.apache.ignite.configuration.DataRegionConfiguration;
import org.apache.ignite.configuration.DataStorageConfiguration;
import org.apache.ignite.cache.CacheAtomicityMode;
import org.apache.ignite.cache.CacheMode;
import org.apache.ignite.cache.CacheWriteSynchronizationMode;
import org.apache.ignite.cache.PartitionLossPolicy;
import org.apache.ignite.configuration.CacheConfiguration;

/**
 * The two caches Grid Stack keeps: the replicated catalog of arrays and the partitioned chunk store.
 *
 * <p>Partition loss. In memory, a chunk lost with its node (no backup left) is no different from an evicted one:
 * every chunk has a recipe, and whoever asks for a missing chunk remakes it. So the in-memory chunk cache uses
 * {@link PartitionLossPolicy#IGNORE}: a lost partition is recreated empty on the survivors at once and its chunks
 * are remade on demand, without anyone having to call {@code resetLostPartitions} (with a SAFE policy every read
 * or write of a lost partition fails until someone does, which would fail running jobs and every later command).
 * The catalog is replicated to every server, so it is only lost with the whole cluster. With native persistence
 * the data of a lost partition is still on the dead node's disk and comes back with it, and IGNORE does not fit
 * baselines (IGNITE-10041): there the chunk cache is {@link PartitionLossPolicy#READ_WRITE_SAFE}.
 */
public final class GridCaches {
    public static final String CATALOG = "gridstack-catalog";
    public static final String CHUNKS = "gridstack-chunks";

    private GridCaches() {}

    public static void create(Ignite ignite) {
        create(ignite, 0);
    }

    public static void create(Ignite ignite, int backups) {
        // both in one cache change: one partition exchange instead of two at every start
        ignite.getOrCreateCaches(List.of(
                new CacheConfiguration<String, Object>(CATALOG)
                        .setCacheMode(CacheMode.REPLICATED)
                        .setAtomicityMode(CacheAtomicityMode.ATOMIC)
                        .setWriteSynchronizationMode(CacheWriteSynchronizationMode.FULL_SYNC),
                new CacheConfiguration<Object, Object>(CHUNKS)
                        .setCacheMode(CacheMode.PARTITIONED)
                        .setBackups(backups)
                        .setAtomicityMode(CacheAtomicityMode.ATOMIC)
                        .setWriteSynchronizationMode(CacheWriteSynchronizationMode.FULL_SYNC)
                        .setPartitionLossPolicy(lossPolicy(isPersistent(ignite)))
                        .setDataRegionName(GridNodeConfig.CHUNK_REGION)));
    }

    /** IGNORE in memory (lost chunks are remade from recipes), READ_WRITE_SAFE with native persistence. */
    public static PartitionLossPolicy lossPolicy(boolean persistent) {
        return persistent ? PartitionLossPolicy.READ_WRITE_SAFE : PartitionLossPolicy.IGNORE;
    }

    /** Whether the chunk region is persistent: on this node if it is a server, else on any server. */
    static boolean isPersistent(Ignite ignite) {
        if (!ignite.cluster().localNode().isClient()) return isPersistent(ignite.configuration().getDataStorageConfiguration());
        for (ClusterNode server : ignite.cluster().forServers().nodes()) {
            if (isPersistent(IgniteInternals.dataStorageOf(ignite, server))) return true;
        }
        return false;
    }

    private static boolean isPersistent(DataStorageConfiguration storage) {
        if (storage == null) return false;
        if (storage.getDataRegionConfigurations() != null) {
            for (DataRegionConfiguration region : storage.getDataRegionConfigurations()) {
                if (GridNodeConfig.CHUNK_REGION.equals(region.getName())) return region.isPersistenceEnabled();
            }
        }
        return storage.getDefaultDataRegionConfiguration() != null && storage.getDefaultDataRegionConfiguration().isPersistenceEnabled();
    }
}
