package org.gridstack.grid;

import java.nio.file.Path;
import org.apache.ignite.configuration.IgniteConfiguration;
import org.apache.ignite.events.EventType;
import org.apache.ignite.spi.communication.tcp.TcpCommunicationSpi;
import org.apache.ignite.spi.discovery.tcp.TcpDiscoverySpi;
import org.apache.ignite.spi.discovery.tcp.ipfinder.vm.TcpDiscoveryVmIpFinder;

/**
 * The Ignite configuration of the thick client node a Grid Stack session joins a cluster with: it stores no
 * chunks and runs no jobs, gives up joining after the join timeout instead of waiting for servers forever, opens
 * every connection to the servers itself (so the servers need no route back to the user's machine), and never
 * halts the JVM it lives in (Fiji).
 */
public final class ClientNodeConfig {
    private ClientNodeConfig() {}

    /**
     * {@code authentication}: whether the servers run Ignite's password authentication (for thin clients); every
     * node of such a cluster, clients included, must say so, or it is refused. {@code workDirectory}: the client's
     * own folder for what Ignite keeps (class name mappings, diagnostics); without one Ignite would make an
     * {@code ignite/work} folder in the user's current folder.
     */
    public static IgniteConfiguration of(ConnectOptions options, String instanceName, boolean authentication, Path workDirectory) {
        IgniteConfiguration cfg = new GridNodeConfig().instanceName(instanceName).regionBytes(64L << 20)
                .workDirectory(workDirectory.toString()).common();
        cfg.setClientMode(true);
        cfg.setLocalHost(options.bindAddress());
        cfg.setIncludeEventTypes(EventType.EVT_CLIENT_NODE_DISCONNECTED, EventType.EVT_CLIENT_NODE_RECONNECTED);
        cfg.setClientConnectorConfiguration(null);
        cfg.setAuthenticationEnabled(authentication);

        TcpDiscoveryVmIpFinder ipFinder = new TcpDiscoveryVmIpFinder();
        ipFinder.setAddresses(options.addresses().entries());
        TcpDiscoverySpi discovery = new TcpDiscoverySpi();
        discovery.setIpFinder(ipFinder);
        discovery.setJoinTimeout(options.joinTimeoutMillis());
        if (options.bindAddress() != null) discovery.setLocalAddress(options.bindAddress());
        cfg.setDiscoverySpi(discovery);

        TcpCommunicationSpi communication = new TcpCommunicationSpi();
        communication.setForceClientToServerConnections(true);
        if (options.bindAddress() != null) communication.setLocalAddress(options.bindAddress());
        cfg.setCommunicationSpi(communication);

        if (options.tls() != null) cfg.setSslContextFactory(options.tls().contextFactory());
        return cfg;
    }
}
