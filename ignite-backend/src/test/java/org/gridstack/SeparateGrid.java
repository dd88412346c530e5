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

/**
 * A grid of its own in the test JVM (one or more server nodes on their own loopback ports, beside TestGrid's node,
 * which it never joins), with a chosen chunk region per node. Close it to stop its nodes.
 */
final class SeparateGrid implements AutoCloseable {
    private final List<Ignite> nodes = new ArrayList<>();
    final GridStack grid;

    SeparateGrid(String name, int nodeCount, long regionBytes, Path work) {
        System.setProperty("IGNITE_QUIET", "false");
        List<IgniteConfiguration> configs = new ArrayList<>();
        List<String> addresses = new ArrayList<>();
        for (int i = 0; i < nodeCount; i++) {
            IgniteConfiguration cfg = new GridNodeConfig().instanceName(name + "-" + i).regionBytes(regionBytes)
                    .workDirectory(work.resolve("node" + i).toString()).embedded();
            configs.add(cfg);
            for (InetSocketAddress a : finder(cfg).getRegisteredAddresses()) addresses.add("127.0.0.1:" + a.getPort());
        }
        try {
            for (IgniteConfiguration cfg : configs) {
                finder(cfg).setAddresses(addresses);
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

    @Override
    public void close() {
        for (int i = nodes.size() - 1; i >= 0; i--) Ignition.stop(nodes.get(i).name(), true);
        nodes.clear();
    }
}
