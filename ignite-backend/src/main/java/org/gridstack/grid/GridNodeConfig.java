package org.gridstack.grid;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.gridstack.base.GridStackException;
import org.apache.ignite.configuration.DataPageEvictionMode;
import org.apache.ignite.configuration.DataRegionConfiguration;
import org.apache.ignite.configuration.DataStorageConfiguration;
import org.apache.ignite.configuration.IgniteConfiguration;
import org.apache.ignite.failure.StopNodeFailureHandler;
import org.apache.ignite.logger.java.JavaLogger;
import org.apache.ignite.spi.communication.tcp.TcpCommunicationSpi;
import org.apache.ignite.spi.discovery.tcp.TcpDiscoverySpi;
import org.apache.ignite.spi.discovery.tcp.ipfinder.vm.TcpDiscoveryVmIpFinder;

/**
 * Ignite configuration of a Grid Stack server node. The embedded default listens on loopback only, on ports it
 * picks itself (never the well-known 47500 range, so it cannot merge with another Ignite program), keeps chunks
 * in a bounded off-heap region that evicts rather than fails when full (evicted chunks are remade from their
 * recipes), and never halts the JVM it lives in.
 */
public final class GridNodeConfig {
    public static final String CHUNK_REGION = "gridstack-chunks";
    private static final long MB = 1024L * 1024;
    private static final int PAGE_BYTES = 16 * 1024;
    /** The largest chunk a node should be able to make room for by eviction (a 64 MB float block and slack). */
    private static final long LARGEST_CHUNK_BYTES = 128 * MB;
    /** Errors only: Ignite's start-up advice is noise inside Fiji. Held strongly: JUL forgets levels of unreferenced loggers. */
    private static final Logger IGNITE_LOG = Logger.getLogger("org.apache.ignite");

    private String instanceName = "gridstack-embedded";
    private long regionBytes = defaultRegionBytes();
    private String workDirectory;
    private String persistenceDirectory;
    private boolean preTouch;

    /**
     * A sixth of physical memory, at most 8 GB and at least 256 MB; override with -Dgridstack.region.mb=N. A sixth,
     * so that the region, a heap of an eighth (the launcher's default) and the JVM's own needs stay under a third
     * of the machine: what does not fit goes to disk (see SpillPolicy), not into more memory.
     */
    public static long defaultRegionBytes() {
        String property = System.getProperty("gridstack.region.mb");
        if (property != null) {
            try {
                long mb = Long.parseLong(property.trim());
                if (mb >= 64) return mb * MB;
            } catch (NumberFormatException ignored) {
                // reported below
            }
            throw new GridStackException("gridstack.region.mb=" + property + " must be a whole number of MB, 64 or more");
        }
        return Math.max(256 * MB, Math.min(8192 * MB, physicalMemory() / 6));
    }

    static long physicalMemory() {
        java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean) {
            return ((com.sun.management.OperatingSystemMXBean) os).getTotalMemorySize();
        }
        return 4096 * MB;
    }

    public GridNodeConfig instanceName(String name) {
        this.instanceName = name;
        return this;
    }

    public GridNodeConfig regionBytes(long bytes) {
        if (bytes < 64 * MB) throw new IllegalArgumentException("data region of " + bytes + " bytes is below 64 MB");
        this.regionBytes = bytes;
        return this;
    }

    public GridNodeConfig workDirectory(String dir) {
        this.workDirectory = dir;
        return this;
    }

    /** Ignite native persistence under this folder: chunks and catalog survive restarts, the region becomes a page cache. */
    public GridNodeConfig persistenceDirectory(String dir) {
        this.persistenceDirectory = dir;
        return this;
    }

    public long regionBytes() {
        return regionBytes;
    }

    /** The whole chunk region allocated and touched while the node starts ({@link PreTouchedMemory}): for servers. */
    public GridNodeConfig preTouch(boolean on) {
        this.preTouch = on;
        return this;
    }

    /** A single server node alone on loopback. */
    public IgniteConfiguration embedded() {
        int discoveryPort = freeLoopbackPort();
        int communicationPort = freeLoopbackPort();

        TcpDiscoveryVmIpFinder ipFinder = new TcpDiscoveryVmIpFinder();
        ipFinder.setAddresses(List.of("127.0.0.1:" + discoveryPort));
        TcpDiscoverySpi discovery = new TcpDiscoverySpi();
        discovery.setLocalAddress("127.0.0.1");
        discovery.setLocalPort(discoveryPort);
        discovery.setLocalPortRange(0);
        discovery.setIpFinder(ipFinder);

        TcpCommunicationSpi communication = new TcpCommunicationSpi();
        communication.setLocalAddress("127.0.0.1");
        communication.setLocalPort(communicationPort);
        communication.setLocalPortRange(0);

        IgniteConfiguration cfg = common();
        cfg.setDiscoverySpi(discovery);
        cfg.setCommunicationSpi(communication);
        cfg.setClientConnectorConfiguration(null);
        return cfg;
    }

    /** Everything but the discovery and communication SPIs. */
    IgniteConfiguration common() {
        IgniteConfiguration cfg = new IgniteConfiguration();
        cfg.setIgniteInstanceName(instanceName);
        cfg.setLocalHost("127.0.0.1");
        cfg.setPeerClassLoadingEnabled(false);
        cfg.setConnectorConfiguration(null);
        cfg.setMetricsLogFrequency(0);
        cfg.setFailureHandler(new StopNodeFailureHandler());
        if (workDirectory != null) cfg.setWorkDirectory(workDirectory);
        IGNITE_LOG.setLevel(igniteLogLevel());
        cfg.setGridLogger(new JavaLogger(IGNITE_LOG, false));

        boolean persistent = persistenceDirectory != null;
        DataRegionConfiguration chunks = new DataRegionConfiguration()
                .setName(CHUNK_REGION)
                .setInitialSize(Math.min(regionBytes, 256 * MB))
                .setMaxSize(regionBytes)
                .setEmptyPagesPoolSize(emptyPagesPoolSize(regionBytes))
                .setPersistenceEnabled(persistent)
                .setMetricsEnabled(true);
        // In memory, a full region evicts (chunks are remade from recipes); on disk, pages are swapped instead.
        if (!persistent) chunks.setPageEvictionMode(DataPageEvictionMode.RANDOM_2_LRU);
        if (preTouch) chunks.setInitialSize(regionBytes).setLazyMemoryAllocation(false).setMemoryAllocator(new PreTouchedMemory());
        DataStorageConfiguration storage = new DataStorageConfiguration()
                .setPageSize(PAGE_BYTES)
                .setDefaultDataRegionConfiguration(new DataRegionConfiguration()
                        .setName("default").setInitialSize(64 * MB).setMaxSize(128 * MB).setPersistenceEnabled(persistent))
                .setDataRegionConfigurations(chunks);
        if (persistent) {
            String root = java.nio.file.Path.of(persistenceDirectory).toAbsolutePath().toString();
            storage.setStoragePath(root + "/db").setWalPath(root + "/wal").setWalArchivePath(root + "/wal/archive");
            // a region smaller than the data: slow writers down before dirty pages fill it, rather than fail
            storage.setWriteThrottlingEnabled(true);
        }
        cfg.setDataStorageConfiguration(storage);
        return cfg;
    }

    /**
     * How much of Ignite's own logging reaches the console: nothing by default (a failed Connect printed 75 lines of
     * Ignite's SEVERE traces before Grid Stack's one-line reason); {@code -Dgridstack.ignite.log=SEVERE|WARNING|INFO}
     * shows it, for an operator looking into a node.
     */
    static Level igniteLogLevel() {
        String level = System.getProperty("gridstack.ignite.log", "OFF").trim();
        try {
            return Level.parse(level.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new GridStackException("gridstack.ignite.log=" + level + " is not a level: use OFF, SEVERE, WARNING, INFO or FINE");
        }
    }

    /**
     * Free pages the region keeps in reserve. Eviction only frees room ahead of a put of at most this many pages,
     * so with Ignite's default (100 pages, 1.6 MB) a put of a bigger chunk into a full region fails with
     * IgniteOutOfMemoryException, which stops the node. Ignite caps the pool below a tenth of the region.
     */
    static int emptyPagesPoolSize(long regionBytes) {
        long pages = regionBytes / PAGE_BYTES;
        return (int) Math.max(100, Math.min(pages / 10 - 1, LARGEST_CHUNK_BYTES / PAGE_BYTES));
    }

    static int freeLoopbackPort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port on loopback", e);
        }
    }
}
