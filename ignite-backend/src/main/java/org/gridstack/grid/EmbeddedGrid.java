package org.gridstack.grid;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.apache.ignite.Ignite;
import org.apache.ignite.Ignition;
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
        try {
            workDirectory = Files.createTempDirectory("gridstack-ignite-");
            node = Ignition.start(config.workDirectory(workDirectory.toString()).embedded());
            GridCaches.create(node);
            Runtime.getRuntime().addShutdownHook(new Thread(EmbeddedGrid::stop, "gridstack-embedded-stop"));
            return node;
        } catch (IOException | RuntimeException e) {
            node = null;
            throw new GridStackException("cannot start the embedded Ignite node: " + e.getMessage(), e);
        }
    }

    public static synchronized void stop() {
        if (node == null) return;
        Ignition.stop(node.name(), true);
        node = null;
        deleteTree(workDirectory);
    }

    public static void quietIgnite() {
        System.setProperty("IGNITE_UPDATE_NOTIFIER", System.getProperty("IGNITE_UPDATE_NOTIFIER", "false"));
        System.setProperty("IGNITE_QUIET", System.getProperty("IGNITE_QUIET", "false"));
        System.setProperty("IGNITE_NO_ASCII", System.getProperty("IGNITE_NO_ASCII", "true"));
        System.setProperty("IGNITE_PERFORMANCE_SUGGESTIONS_DISABLED", "true");
    }

    private static void deleteTree(Path root) {
        if (root == null) return;
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a leftover temp folder is harmless
        }
    }
}
