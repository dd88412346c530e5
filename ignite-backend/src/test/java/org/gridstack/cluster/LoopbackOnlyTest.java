package org.gridstack.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.ignite.Ignite;
import org.apache.ignite.spi.communication.tcp.TcpCommunicationSpi;
import org.apache.ignite.spi.discovery.tcp.TcpDiscoverySpi;
import org.gridstack.TestGrid;
import org.junit.jupiter.api.Test;

/** Nothing Grid Stack starts by default listens on an address other than loopback, checked in the kernel's socket tables. */
class LoopbackOnlyTest {
    @Test
    void embeddedNodeListensOnLoopbackOnly() throws Exception {
        Ignite node = TestGrid.grid().ignite();
        List<InetSocketAddress> listening = ListeningSockets.of(ProcessHandle.current().pid());
        Set<Integer> ports = listening.stream().map(InetSocketAddress::getPort).collect(Collectors.toSet());
        int discovery = ((TcpDiscoverySpi) node.configuration().getDiscoverySpi()).getLocalPort();
        int communication = (Integer) node.cluster().localNode().attribute("TcpCommunicationSpi." + TcpCommunicationSpi.ATTR_PORT);
        assertTrue(ports.contains(discovery) && ports.contains(communication),
                "the node's discovery " + discovery + " and communication " + communication + " ports are among " + listening);
        assertAllLoopback(listening);
        assertEquals(Boolean.FALSE, node.configuration().isPeerClassLoadingEnabled());
    }

    @Test
    void standaloneServerWithDefaultAddressListensOnLoopbackOnly() throws Exception {
        int discovery = TestCluster.freePort();
        int communication = TestCluster.freePort();
        try (ServerProcess server = ServerProcess.start(Map.of("discovery.port", String.valueOf(discovery),
                "communication.port", String.valueOf(communication), "port.range", "0", "region.mb", "64",
                "work.dir", ServerProcess.tempDir("gridstack-loopback-").toString()))) {
            server.awaitUp(Duration.ofSeconds(60));
            List<InetSocketAddress> listening = ListeningSockets.of(server.pid());
            Set<Integer> ports = listening.stream().map(InetSocketAddress::getPort).collect(Collectors.toSet());
            assertTrue(ports.containsAll(Set.of(discovery, communication)), listening.toString());
            assertAllLoopback(listening);
        }
    }

    /** The check would catch a node that binds all interfaces. */
    @Test
    void inspectionSeesAWildcardListener() throws Exception {
        try (java.net.ServerSocket wildcard = new java.net.ServerSocket(0)) {
            List<InetSocketAddress> listening = ListeningSockets.of(ProcessHandle.current().pid());
            assertTrue(listening.stream().anyMatch(a -> a.getPort() == wildcard.getLocalPort() && a.getAddress().isAnyLocalAddress()),
                    listening.toString());
        }
    }

    private static void assertAllLoopback(List<InetSocketAddress> listening) {
        for (InetSocketAddress address : listening) {
            assertTrue(address.getAddress().isLoopbackAddress(), "listening on " + address + "; all: " + listening);
        }
    }
}
