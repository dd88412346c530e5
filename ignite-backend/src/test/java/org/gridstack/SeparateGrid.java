package org.gridstack;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.ignite.Ignite;
import org.apache.ignite.Ignition;
import org.apache.ignite.configuration.IgniteConfiguration;
import org.apache.ignite.spi.discovery.tcp.TcpDiscoverySpi;
import org.apache.ignite.spi.discovery.tcp.ipfinder.vm.TcpDiscoveryVmIpFinder;
import org.gridstack.grid.GridCaches;
import org.gridstack.grid.GridNodeConfig;
import org.gridstack.exec.TopologyFailures;

/**
 * A grid of its own in the test JVM (one or more server nodes on their own loopback ports, beside TestGrid's node,
 * which it never joins), with a chosen chunk region per node. Close it to stop its nodes.
 */
final class SeparateGrid implements AutoCloseable {
    private final List<Ignite> nodes = new ArrayList<>();
    final GridStack grid;

    SeparateGrid(String name, int nodeCount, long regionBytes, Path work) {
        System.setProperty("IGNITE_QUIET", "false");
        List<String> addresses = new ArrayList<>();
        try {
            // each node's free ports are picked just before it starts: picked for all nodes up front, one was
            // taken before its node started (Address already in use, once in a CI run)
            for (int i = 0; i < nodeCount; i++) {
                IgniteConfiguration cfg = new GridNodeConfig().instanceName(name + "-" + i).regionBytes(regionBytes)
                        .workDirectory(work.resolve("node" + i).toString()).embedded();
                for (InetSocketAddress a : finder(cfg).getRegisteredAddresses()) addresses.add("127.0.0.1:" + a.getPort());
                finder(cfg).setAddresses(List.copyOf(addresses));
                nodes.add(Ignition.start(cfg));
            }
            GridCaches.create(nodes.get(0));
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        grid = new GridStack(nodes.get(0));
    }

    private static TcpDiscoveryVmIpFinder finder(IgniteConfiguration cfg) {
        return (TcpDiscoveryVmIpFinder) ((TcpDiscoverySpi) cfg.getDiscoverySpi()).getIpFinder();
    }

    Ignite node(int i) {
        return nodes.get(i);
    }

    /**
     * Stops the nodes one by one, letting the first node finish the partition exchange each stop starts before
     * stopping it too: stopping a node while its exchange still allocates partitions in off-heap memory crashed
     * the JVM (SIGSEGV in PageMemoryNoStoreImpl.allocatePage).
     */
    @Override
    public void close() {
        for (int i = nodes.size() - 1; i > 0; i--) {
            Ignition.stop(nodes.get(i).name(), true);
            Ignite first = nodes.get(0);
            long deadline = System.nanoTime() + 20_000_000_000L;
            while (first.cluster().forServers().nodes().size() > i && System.nanoTime() < deadline) pause();
            TopologyFailures.awaitAffinity(first, 20_000);
        }
        if (!nodes.isEmpty()) Ignition.stop(nodes.get(0).name(), true);
        nodes.clear();
    }

    private static void pause() {
        try {
            Thread.sleep(10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
