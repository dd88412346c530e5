package org.gridstack.grid;

import java.nio.file.Path;
import org.apache.ignite.configuration.ClientConnectorConfiguration;
import org.apache.ignite.configuration.IgniteConfiguration;
import org.apache.ignite.events.EventType;
import org.apache.ignite.failure.StopNodeOrHaltFailureHandler;
import org.apache.ignite.spi.communication.tcp.TcpCommunicationSpi;
import org.apache.ignite.spi.discovery.tcp.TcpDiscoverySpi;
import org.apache.ignite.spi.discovery.tcp.ipfinder.vm.TcpDiscoveryVmIpFinder;

/**
 * The Ignite configuration of a standalone server node: the embedded node's regions and settings, bound to the
 * configured address and ports, TLS on discovery, communication and the thin-client port when configured. A
 * failure that leaves the node unusable halts its JVM: it is a server of its own, and the cluster carries on.
 */
public final class ServerNodeConfig {
    private ServerNodeConfig() {}

    public static IgniteConfiguration of(ServerOptions options) {
        IgniteConfiguration cfg = new GridNodeConfig()
                .instanceName(options.name())
                .regionBytes(options.regionBytes())
                .workDirectory(workDirectory(options))
                .persistenceDirectory(options.persistenceDirectory())
                .preTouch(options.regionPreTouch())
                .common();
        String bind = options.bindAddress();
        cfg.setLocalHost(bind);
        cfg.setFailureHandler(new StopNodeOrHaltFailureHandler());
        cfg.setIncludeEventTypes(EventType.EVT_NODE_JOINED);

        TcpDiscoveryVmIpFinder ipFinder = new TcpDiscoveryVmIpFinder();
        ipFinder.setAddresses(options.discoveryAddresses().entries());
        TcpDiscoverySpi discovery = new TcpDiscoverySpi();
        discovery.setLocalAddress(bind);
        discovery.setLocalPort(options.discoveryPort());
        discovery.setLocalPortRange(options.portRange());
        discovery.setIpFinder(ipFinder);
        cfg.setDiscoverySpi(discovery);

        TcpCommunicationSpi communication = new TcpCommunicationSpi();
        communication.setLocalAddress(bind);
        communication.setLocalPort(options.communicationPort());
        communication.setLocalPortRange(options.portRange());
        cfg.setCommunicationSpi(communication);

        TlsSettings tls = options.tls();
        if (tls != null) cfg.setSslContextFactory(tls.contextFactory());
        cfg.setClientConnectorConfiguration(thinClientConnector(options, tls != null));
        cfg.setAuthenticationEnabled(options.authEnabled());
        return cfg;
    }

    private static ClientConnectorConfiguration thinClientConnector(ServerOptions options, boolean tls) {
        if (options.thinClientPort() == 0) return null;
        ClientConnectorConfiguration connector = new ClientConnectorConfiguration()
                .setHost(options.bindAddress())
                .setPort(options.thinClientPort())
                .setPortRange(0);
        if (tls) connector.setSslEnabled(true).setUseIgniteSslContextFactory(true).setSslClientAuth(true);
        return connector;
    }

    private static String workDirectory(ServerOptions options) {
        if (options.workDirectory() != null) return options.workDirectory();
        if (options.persistenceDirectory() != null) return Path.of(options.persistenceDirectory(), "work").toAbsolutePath().toString();
        return Path.of(System.getProperty("java.io.tmpdir"), "gridstack-node-" + options.discoveryPort()).toString();
    }
}
