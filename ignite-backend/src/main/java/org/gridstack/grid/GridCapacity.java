package org.gridstack.grid;

import org.apache.ignite.Ignite;
import org.apache.ignite.cluster.ClusterNode;
import org.apache.ignite.configuration.DataRegionConfiguration;
import org.apache.ignite.configuration.DataStorageConfiguration;

/**
 * How much chunk memory the grid has: the sum of its servers' chunk regions, read from the storage configuration each
 * server announced when it joined (no message to the servers: every new array asks).
 */
public final class GridCapacity {
    private GridCapacity() {}

    public static long chunkMemoryBytes(Ignite ignite) {
        long total = 0;
        for (ClusterNode server : ignite.cluster().forServers().nodes()) total += chunkRegionBytes(IgniteInternals.dataStorageOf(ignite, server));
        return total;
    }

    static long chunkRegionBytes(DataStorageConfiguration storage) {
        if (storage == null || storage.getDataRegionConfigurations() == null) return 0;
        for (DataRegionConfiguration region : storage.getDataRegionConfigurations()) {
            if (GridNodeConfig.CHUNK_REGION.equals(region.getName())) return region.getMaxSize();
        }
        return 0;
    }
}
