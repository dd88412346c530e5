package org.gridstack;

import org.gridstack.grid.ClientNodeConfig;
import org.gridstack.grid.ConnectOptions;
import org.gridstack.grid.EmbeddedGrid;
import org.gridstack.grid.GridCaches;
import org.gridstack.grid.IgniteJvmFlags;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLException;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteClientDisconnectedException;
import org.apache.ignite.Ignition;
import org.apache.ignite.cluster.ClusterState;
import org.apache.ignite.events.EventType;
import org.gridstack.GridStack;
import org.gridstack.base.Folders;
import org.gridstack.base.GridStackException;

/**
 * A Grid Stack session's connection to a cluster of server nodes (Connect / Disconnect). It is an Ignite thick
 * client node: the {@link GridStack} API runs unchanged on it, chunks and jobs stay on the servers (a client
 * holds no data), and compute tasks are plain classes every server has on its classpath. When the client loses
 * the servers, Ignite keeps trying to reconnect; meanwhile every operation fails with a message saying so, and
 * {@link #reconnect()} starts afresh. Grid arrays live on the servers and survive both.
 */
public final class GridConnection implements AutoCloseable {
    private static final AtomicInteger SESSIONS = new AtomicInteger();

    private final ConnectOptions options;
    private final Ignite client;
    private final GridStack grid;
    private volatile boolean disconnected;

    private GridConnection(ConnectOptions options, Ignite client) {
        this.options = options;
        this.client = client;
        this.grid = new GridStack(client);
        client.events().localListen(event -> {
            disconnected = event.type() == EventType.EVT_CLIENT_NODE_DISCONNECTED;
            return true;
        }, EventType.EVT_CLIENT_NODE_DISCONNECTED, EventType.EVT_CLIENT_NODE_RECONNECTED);
    }

    /** Joins the cluster, or fails within the join timeout with a message naming the addresses tried. */
    public static GridConnection connect(ConnectOptions options) {
        IgniteJvmFlags.require();
        EmbeddedGrid.quietIgnite();
        String name = "gridstack-client-" + SESSIONS.incrementAndGet();
        Path work = newWorkDirectory();
        Ignite client;
        try {
            client = start(options, name, work);
        } catch (RuntimeException e) {
            Folders.deleteQuietly(work);
            throw new GridStackException(joinFailure(options, e), e);
        }
        try {
            if (client.cluster().state() != ClusterState.ACTIVE) {
                throw new GridStackException("the cluster at " + options.addresses() + " is not active yet (with persistence it "
                        + "waits for its servers; see the servers' \"Grid Stack node up\" lines)");
            }
            GridCaches.create(client, options.backups());
            return new GridConnection(options, client);
        } catch (RuntimeException e) {
            Ignition.stop(name, true);
            Folders.deleteQuietly(work);
            throw e instanceof GridStackException ? e : new GridStackException("joined the cluster at " + options.addresses()
                    + " but cannot use it: " + e.getMessage(), e);
        }
    }

    /** Tries without, then with Ignite's authentication processor: the servers refuse a client that differs from them. */
    private static Ignite start(ConnectOptions options, String name, Path work) {
        try {
            return Ignition.start(ClientNodeConfig.of(options, name, false, work));
        } catch (RuntimeException e) {
            if (!hasMessage(e, "security processor class is not equal")) throw e;
            return Ignition.start(ClientNodeConfig.of(options, name, true, work));
        }
    }

    private static Path newWorkDirectory() {
        try {
            return Files.createTempDirectory("gridstack-client-");
        } catch (IOException e) {
            throw new GridStackException("cannot create a work folder for the client node in " + System.getProperty("java.io.tmpdir")
                    + ": " + e.getMessage(), e);
        }
    }

    private static boolean hasMessage(Throwable t, String text) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c.getMessage() != null && c.getMessage().contains(text)) return true;
        }
        return false;
    }

    private static String joinFailure(ConnectOptions options, Throwable e) {
        String seconds = String.valueOf(options.joinTimeoutMillis() / 1000.0);
        StringBuilder message = new StringBuilder("cannot connect to the grid at ").append(options.addresses())
                .append(": no server accepted this client within ").append(seconds).append(" s.");
        if (hasCause(e, SSLException.class)) {
            message.append(" The TLS handshake failed: the servers do not trust this client's certificate, or it does not trust theirs.");
        } else if (options.tls() == null) {
            message.append(" Check that the servers run, that the addresses and ports are theirs, and whether they require TLS.");
        } else {
            message.append(" Check that the servers run, that the addresses and ports are theirs, and that this client's certificate is signed by the cluster's CA.");
        }
        return message.toString();
    }

    private static boolean hasCause(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (type.isInstance(c)) return true;
        }
        return false;
    }

    public GridStack grid() {
        return grid;
    }

    public Ignite ignite() {
        return client;
    }

    public ConnectOptions options() {
        return options;
    }

    /** True while the client is part of the cluster (false after a lost connection, until Ignite reconnects). */
    public boolean isConnected() {
        return !disconnected && Ignition.state(client.name()) == org.apache.ignite.IgniteState.STARTED;
    }

    /** One line for Grid Status. */
    public String status() {
        if (Ignition.state(client.name()) != org.apache.ignite.IgniteState.STARTED) {
            return "disconnected from " + options.addresses() + "; Connect again";
        }
        if (disconnected) return lostMessage();
        return "connected to " + client.cluster().forServers().nodes().size() + " server node(s) at " + options.addresses();
    }

    private String lostMessage() {
        return "lost the connection to the grid at " + options.addresses() + "; Ignite keeps trying to reconnect (or use "
                + "Connect again). Grid arrays are kept on the servers.";
    }

    /**
     * A clear message for an operation that failed because the connection was lost, or null when {@code e} has
     * another cause.
     */
    public GridStackException explain(Throwable e) {
        if (!hasCause(e, IgniteClientDisconnectedException.class) && isConnected()) return null;
        return new GridStackException(disconnected || hasCause(e, IgniteClientDisconnectedException.class)
                ? lostMessage() : "the connection to " + options.addresses() + " was closed; Connect again", e);
    }

    /** Drops this client and joins again with the same options (after a lost connection, a restart of the servers, ...). */
    public GridConnection reconnect() {
        close();
        return connect(options);
    }

    /** Disconnect: stops the client node; the servers and their arrays stay. */
    @Override
    public void close() {
        String work = client.configuration().getWorkDirectory();
        Ignition.stop(client.name(), true);
        Folders.deleteQuietly(Path.of(work));
    }
}
