package org.gridstack.grid;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import org.apache.ignite.DataRegionMetrics;
import org.apache.ignite.Ignite;
import org.apache.ignite.cache.CachePeekMode;
import org.apache.ignite.lang.IgniteCallable;
import org.apache.ignite.resources.IgniteInstanceResource;

/** A snapshot of the grid's server nodes: addresses, CPUs, heap, chunk memory and chunks held. */
public final class GridStatus {
    private GridStatus() {}

    public static List<NodeReport> nodes(Ignite ignite) {
        Collection<NodeReport> reports = ignite.compute(ignite.cluster().forServers()).broadcast(new Report());
        List<NodeReport> sorted = new ArrayList<>(reports);
        sorted.sort(Comparator.comparing(r -> r.addresses));
        return sorted;
    }

    /** Runs on each server node. */
    private static final class Report implements IgniteCallable<NodeReport> {
        private static final long serialVersionUID = 1L;

        @IgniteInstanceResource
        private transient Ignite ignite;

        @Override
        public NodeReport call() {
            Runtime rt = Runtime.getRuntime();
            DataRegionMetrics region = ignite.dataRegionMetrics(GridNodeConfig.CHUNK_REGION);
            long pageSize = ignite.configuration().getDataStorageConfiguration().getPageSize();
            long offHeapUsed = region == null ? 0 : region.getPhysicalMemoryPages() * pageSize;
            long offHeapMax = 0;
            for (org.apache.ignite.configuration.DataRegionConfiguration r
                    : ignite.configuration().getDataStorageConfiguration().getDataRegionConfigurations()) {
                if (r.getName().equals(GridNodeConfig.CHUNK_REGION)) offHeapMax = r.getMaxSize();
            }
            return new NodeReport(ignite.cluster().localNode().id().toString(),
                    String.join(",", ignite.cluster().localNode().addresses()) + " " + ignite.name(),
                    rt.availableProcessors(), rt.totalMemory() - rt.freeMemory(), rt.maxMemory(),
                    offHeapUsed, offHeapMax, ignite.cache(GridCaches.CHUNKS).localSize(CachePeekMode.PRIMARY));
        }
    }
}
