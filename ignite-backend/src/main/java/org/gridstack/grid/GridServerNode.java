package org.gridstack.grid;

import java.util.Locale;
import java.util.function.Consumer;
import org.apache.ignite.Ignite;
import org.apache.ignite.Ignition;
import org.apache.ignite.cluster.ClusterNode;
import org.apache.ignite.configuration.IgniteConfiguration;
import org.apache.ignite.spi.communication.tcp.TcpCommunicationSpi;
import org.apache.ignite.spi.discovery.tcp.TcpDiscoverySpi;
import org.gridstack.base.GridStackException;
import pl.edu.icm.jlargearrays.ConcurrencyUtils;

/**
 * A standalone Grid Stack server node (scripts/gridstack-node): {@code [--config FILE] [--key=value ...]}. Prints
 * one line starting with {@link #UP} once it serves, and stops cleanly on SIGTERM / Ctrl-C, within
 * {@link StopSignals#LIMIT_MS} whatever its jobs are doing.
 */
public final class GridServerNode {
    public static final String UP = "Grid Stack node up:";
    public static final String STOPPED = "Grid Stack node stopped:";

    private GridServerNode() {}

    public static void main(String[] args) {
        if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
            System.out.println("usage: gridstack-node [--config FILE] [--key=value ...]; keys: " + new java.util.TreeSet<>(ServerOptions.KEYS)
                    + "\ngridstack-node.properties (beside the launcher) says what each one means");
            return;
        }
        // A server runs one FFT per core; JTransforms' own threads (from T = 8192 on) would only compete with them.
        // A process-wide setting, so the launcher makes it, never the library (inside Fiji it stays the user's).
        ConcurrencyUtils.setNumberOfThreads(1);
        // An operator reads a server's console: Ignite's own errors show there unless asked otherwise.
        if (System.getProperty("gridstack.ignite.log") == null) System.setProperty("gridstack.ignite.log", "SEVERE");
        // SIGTERM / Ctrl-C: the shutdown hook (see start) stops the node; StopSignals halts it if that hangs.
        StopSignals.install("gridstack-node: ", System.err, (signal, status) -> System.exit(status));
        try {
            start(ServerOptions.parse(args), GridServerNode::exitUnfit);
        } catch (GridStackException e) {
            System.err.println("gridstack-node: " + e.getMessage());
            System.exit(2);
        } catch (RuntimeException e) {
            System.err.println("gridstack-node: cannot start: " + causes(e));
            System.exit(1);
        }
    }

    /** The messages of a failure and its causes, each once, outermost first: Ignite's real reason is often deep. */
    static String causes(Throwable e) {
        java.util.LinkedHashSet<String> messages = new java.util.LinkedHashSet<>();
        for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
            String m = c.getMessage() == null ? c.getClass().getSimpleName() : c.getMessage().split("\\R")[0].trim();
            if (!m.isEmpty()) messages.add(m);
        }
        return String.join(": ", messages);
    }

    private static void exitUnfit(String why) {
        System.err.println("gridstack-node: " + why + "; stopping");
        System.exit(2);
    }

    /**
     * Starts the node; its non-daemon threads keep the JVM alive until it is stopped. {@code onFatal} is told when
     * the node finds it must not serve (say, it cannot replace Ignite's initial password).
     */
    public static Ignite start(ServerOptions options, Consumer<String> onFatal) {
        IgniteJvmFlags.require();
        EmbeddedGrid.quietIgnite();
        // Our own hook stops the node and says so; Ignite's would race it.
        System.setProperty("IGNITE_NO_SHUTDOWN_HOOK", "true");
        IgniteConfiguration cfg = ServerNodeConfig.of(options);
        Ignite ignite = Ignition.start(cfg);
        String name = ignite.name();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            Ignition.stop(name, true);
            System.out.println(STOPPED + " " + name);
        }, "gridstack-node-stop"));
        ClusterActivation activation = new ClusterActivation(ignite, options, onFatal);
        activation.arrange();
        BinaryTypes.register(ignite);
        System.out.println(describe(ignite, cfg, options, activation.waitingFor()));
        return ignite;
    }

    /** The port the communication SPI really bound (it may have moved up its range). */
    static Object communicationPort(Ignite ignite) {
        ClusterNode local = ignite.cluster().localNode();
        Object port = local.attribute("TcpCommunicationSpi." + TcpCommunicationSpi.ATTR_PORT);
        return port != null ? port : local.attribute(TcpCommunicationSpi.ATTR_PORT);
    }

    static String describe(Ignite ignite, IgniteConfiguration cfg, ServerOptions options, String waitingFor) {
        String bind = options.bindAddress();
        StringBuilder line = new StringBuilder(UP).append(' ').append(ignite.name())
                .append(" discovery ").append(bind).append(':').append(((TcpDiscoverySpi) cfg.getDiscoverySpi()).getLocalPort())
                .append(" communication ").append(bind).append(':').append(communicationPort(ignite))
                .append(" thin-client ").append(options.thinClientPort() == 0 ? "off" : bind + ":" + options.thinClientPort()
                        + (options.authEnabled() ? " (password)" : ""))
                .append(" tls ").append(options.tls() == null ? "off" : "on (mutual)")
                .append(String.format(Locale.ROOT, " region %d MB%s", options.regionBytes() >> 20, options.regionPreTouch() ? " (touched)" : ""))
                .append(" backups ").append(options.backups())
                .append(" persistence ").append(options.persistenceDirectory() == null ? "off" : options.persistenceDirectory())
                .append(" servers ").append(ignite.cluster().forServers().nodes().size())
                .append(" peers ").append(options.discoveryAddresses());
        if (waitingFor != null) line.append(" INACTIVE, waiting for ").append(waitingFor);
        return line.toString();
    }

}
