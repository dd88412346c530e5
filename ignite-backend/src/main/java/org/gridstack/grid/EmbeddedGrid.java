package org.gridstack.grid;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.ignite.Ignite;
import org.apache.ignite.Ignition;
import org.gridstack.base.Folders;
import org.gridstack.base.GridStackException;

/**
 * The one Ignite server node living in this JVM: started on first use, reused afterwards, stopped (and its work
 * directory removed) when the JVM exits.
 */
public final class EmbeddedGrid {
    private static Ignite node;
    private static Path workDirectory;

    private EmbeddedGrid() {}

    public static synchronized boolean isRunning() {
        return node != null;
    }

    public static synchronized Ignite get() {
        if (node == null) node = start(new GridNodeConfig());
        return node;
    }

    public static synchronized Ignite start(GridNodeConfig config) {
        if (node != null) throw new GridStackException("the embedded grid is already running");
        IgniteJvmFlags.require();
        quietIgnite();
        // nobody manages an embedded node over JMX, and registering Ignite's MBeans costs a tenth of its start
        System.setProperty("IGNITE_MBEANS_DISABLED", System.getProperty("IGNITE_MBEANS_DISABLED", "true"));
        try {
            workDirectory = Files.createTempDirectory("gridstack-ignite-");
            node = Ignition.start(config.workDirectory(workDirectory.toString()).embedded());
            GridCaches.create(node);
            Runtime.getRuntime().addShutdownHook(new Thread(EmbeddedGrid::stop, "gridstack-embedded-stop"));
            System.out.println(budgets(config));
            return node;
        } catch (IOException | RuntimeException e) {
            node = null;
            throw new GridStackException("cannot start the embedded Ignite node: " + e.getMessage(), e);
        }
    }

    /** The one line that says what the embedded grid took from the machine, and how to change it. */
    private static String budgets(GridNodeConfig config) {
        return String.format(Locale.ROOT, "Grid Stack: embedded grid on loopback; chunk memory %.1f GB of %.1f GB RAM "
                + "(-Dgridstack.region.mb=N), heap %.1f GB (-Xmx), arrays beyond memory spill to %s (%.1f GB free; "
                + "-D%s=DIR)", config.regionBytes() / 1e9, GridNodeConfig.physicalMemory() / 1e9, Runtime.getRuntime().maxMemory() / 1e9,
                NodeDirectories.spillRoot(node), NodeDirectories.usableBytes(node) / 1e9, NodeDirectories.SPILL_PROPERTY);
    }

    public static synchronized void stop() {
        if (node == null) return;
        Ignition.stop(node.name(), true);
        node = null;
        Folders.deleteQuietly(workDirectory);
    }

    public static void quietIgnite() {
        System.setProperty("IGNITE_UPDATE_NOTIFIER", System.getProperty("IGNITE_UPDATE_NOTIFIER", "false"));
        System.setProperty("IGNITE_QUIET", System.getProperty("IGNITE_QUIET", "false"));
        System.setProperty("IGNITE_NO_ASCII", System.getProperty("IGNITE_NO_ASCII", "true"));
        System.setProperty("IGNITE_PERFORMANCE_SUGGESTIONS_DISABLED", "true");
    }
}
