package org.gridstack.grid;

import org.apache.ignite.Ignite;
import org.apache.ignite.configuration.DataRegionConfiguration;
import org.apache.ignite.configuration.DataStorageConfiguration;
import org.apache.ignite.lang.IgniteCallable;
import org.apache.ignite.resources.IgniteInstanceResource;

/** How much chunk memory the grid has: the sum of its servers' chunk regions, as each server reports it. */
public final class GridCapacity {
    private GridCapacity() {}

    public static long chunkMemoryBytes(Ignite ignite) {
        long total = 0;
        for (Long bytes : ignite.compute(ignite.cluster().forServers()).broadcast(new ChunkRegionBytes())) total += bytes;
        return total;
    }

    static long chunkRegionBytes(DataStorageConfiguration storage) {
        if (storage == null || storage.getDataRegionConfigurations() == null) return 0;
        for (DataRegionConfiguration region : storage.getDataRegionConfigurations()) {
            if (GridNodeConfig.CHUNK_REGION.equals(region.getName())) return region.getMaxSize();
        }
        return 0;
    }

    /** Runs on each server: the size of its chunk region. */
    private static final class ChunkRegionBytes implements IgniteCallable<Long> {
        private static final long serialVersionUID = 1L;

        @IgniteInstanceResource
        private transient Ignite ignite;

        @Override
        public Long call() {
            return chunkRegionBytes(ignite.configuration().getDataStorageConfiguration());
        }
    }
}
