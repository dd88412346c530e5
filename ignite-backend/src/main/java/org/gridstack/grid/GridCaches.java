package org.gridstack.grid;

import org.apache.ignite.Ignite;
import org.apache.ignite.cache.CacheAtomicityMode;
import org.apache.ignite.cache.CacheMode;
import org.apache.ignite.cache.CacheWriteSynchronizationMode;
import org.apache.ignite.cache.PartitionLossPolicy;
import org.apache.ignite.configuration.CacheConfiguration;

/** The two caches Grid Stack keeps: the replicated catalog of arrays and the partitioned chunk store. */
public final class GridCaches {
    public static final String CATALOG = "gridstack-catalog";
    public static final String CHUNKS = "gridstack-chunks";

    private GridCaches() {}

    public static void create(Ignite ignite) {
        create(ignite, 0);
    }

    public static void create(Ignite ignite, int backups) {
        ignite.getOrCreateCache(new CacheConfiguration<String, Object>(CATALOG)
                .setCacheMode(CacheMode.REPLICATED)
                .setAtomicityMode(CacheAtomicityMode.ATOMIC)
                .setWriteSynchronizationMode(CacheWriteSynchronizationMode.FULL_SYNC));
        ignite.getOrCreateCache(new CacheConfiguration<ChunkKey, Object>(CHUNKS)
                .setCacheMode(CacheMode.PARTITIONED)
                .setBackups(backups)
                .setAtomicityMode(CacheAtomicityMode.ATOMIC)
                .setWriteSynchronizationMode(CacheWriteSynchronizationMode.FULL_SYNC)
                .setPartitionLossPolicy(PartitionLossPolicy.READ_WRITE_SAFE)
                .setDataRegionName(GridNodeConfig.CHUNK_REGION));
    }
}
