package org.gridstack.grid;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteCheckedException;
import org.apache.ignite.cluster.ClusterState;
import org.apache.ignite.events.EventType;
import org.gridstack.base.GridStackException;

/**
 * Brings a server's cluster to where Grid Stack can use it. In memory: the caches exist. With native persistence
 * the cluster starts INACTIVE: on its very first start (no baseline yet) it is activated once enough servers are
 * up, the baseline then follows servers joining and leaving after a delay, the built-in user gets its password
 * and the caches are created. A cluster that has a baseline activates by itself when all its baseline nodes are
 * back; activating it earlier would declare the missing nodes' chunks lost, so that is left to the operator.
 */
final class ClusterActivation {
    private final Ignite ignite;
    private final ServerOptions options;
    private final Consumer<String> onFatal;
    /** Activation blocks on a cluster-wide exchange: never run it on the discovery thread that delivers events. */
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "gridstack-activation");
        t.setDaemon(true);
        return t;
    });

    /** {@code onFatal}: told why the node must not serve; the launcher decides what to do (it stops the JVM). */
    ClusterActivation(Ignite ignite, ServerOptions options, Consumer<String> onFatal) {
        this.ignite = ignite;
        this.options = options;
        this.onFatal = onFatal;
    }

    void arrange() {
        if (options.persistenceDirectory() == null) {
            GridCaches.create(ignite, options.backups());
            return;
        }
        ignite.events().localListen(event -> {
            worker.execute(this::activateIfReady);
            return true;
        }, EventType.EVT_NODE_JOINED);
        activateIfReady();
    }

    /** Why the cluster is not active yet, or null when it is. */
    String waitingFor() {
        if (ignite.cluster().state() == ClusterState.ACTIVE) return null;
        if (ignite.cluster().currentBaselineTopology() != null) {
            return "all baseline nodes (" + ignite.cluster().currentBaselineTopology().size() + ") to be back";
        }
        return options.activateServers() + " server node(s) (persistence.activate.servers), " + servers() + " up";
    }

    private int servers() {
        return ignite.cluster().forServers().nodes().size();
    }

    private synchronized void activateIfReady() {
        try {
            if (ignite.cluster().state() != ClusterState.ACTIVE) {
                if (ignite.cluster().currentBaselineTopology() != null || servers() < options.activateServers()) return;
                ignite.cluster().state(ClusterState.ACTIVE);
                if (options.authEnabled()) setPassword();
            }
            if (options.baselineAdjustSeconds() >= 0 && !ignite.cluster().isBaselineAutoAdjustEnabled()) {
                ignite.cluster().baselineAutoAdjustEnabled(true);
                ignite.cluster().baselineAutoAdjustTimeout(options.baselineAdjustSeconds() * 1000L);
            }
            GridCaches.create(ignite, options.backups());
        } catch (GridStackException e) {
            // Serving with Ignite's well-known initial password would be worse than not serving.
            onFatal.accept(e.getMessage());
        } catch (RuntimeException e) {
            System.err.println("gridstack-node: cannot activate the cluster: " + e.getMessage());
        }
    }

    /** Replaces Ignite's well-known initial password of user "ignite" with the configured one. */
    private void setPassword() {
        try {
            IgniteInternals.changePassword(ignite, "ignite", "ignite", options.authPassword().toCharArray());
        } catch (IgniteCheckedException e) {
            throw new GridStackException("cannot set the password of user 'ignite': " + e.getMessage(), e);
        }
    }
}
