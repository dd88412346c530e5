package org.gridstack.exec;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteClientDisconnectedException;
import org.apache.ignite.cluster.ClusterNode;
import org.apache.ignite.cluster.ClusterTopologyException;
import org.gridstack.grid.IgniteInternals;

/**
 * Failures caused by a server node leaving (killed, crashed, cut off) while grid work was running. Such work is
 * safe to run again once the cluster has taken notice: chunk jobs count a fixed share of chunks, a shuffle attempt is
 * dropped and the blocks it did not store are made by a new one, and every stored chunk is a pure function of its recipe, so a re-run stores the same values.
 */
public final class TopologyFailures {
    /** How long to wait for discovery to report the node that made work fail as gone. */
    public static final long NOTICE_TIMEOUT_MILLIS = 30_000;
    /** How long to wait for a node loss to show in the topology before running again anyway. */
    static final long GRACE_MILLIS = 5_000;

    private TopologyFailures() {}

    /** True if {@code t} or one of its causes says a node left or could not be reached (not this client's own loss). */
    public static boolean isNodeLoss(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof IgniteClientDisconnectedException) return false;
            if (c instanceof ClusterTopologyException || IgniteInternals.isInternalNodeLoss(c)) {
                return true;
            }
            for (Throwable s : c.getSuppressed()) if (isNodeLoss(s)) return true;
        }
        return false;
    }

    /**
     * Waits until the topology version moves past {@code version} (discovery has processed a node leaving or
     * joining), or the timeout passes. Returns whether it moved.
     */
    public static boolean awaitTopologyChange(Ignite ignite, long version, long timeoutMillis) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (ignite.cluster().topologyVersion() <= version) {
            if (System.nanoTime() > deadline) return false;
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return awaitAffinity(ignite, Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
    }

    /** The ids of the server nodes now. */
    public static Set<UUID> servers(Ignite ignite) {
        Set<UUID> ids = new HashSet<>();
        for (ClusterNode node : ignite.cluster().forServers().nodes()) ids.add(node.id());
        return ids;
    }

    /**
     * After work failed with {@code failure}, started at topology version {@code topologyAtStart} with
     * the servers {@code nodesUsed}: waits until the cluster has taken notice of the node that left (the topology moved on, or
     * the node was already gone when the work was planned, and the affinity of the current topology is ready). True
     * if the work may be run again now; false if the failure was not a node loss, or the cluster did not settle in time.
     */
    public static boolean settle(Ignite ignite, Throwable failure, long topologyAtStart, Collection<UUID> nodesUsed) {
        if (ignite.cluster().topologyVersion() > topologyAtStart) return awaitAffinity(ignite, NOTICE_TIMEOUT_MILLIS);
        if (!isNodeLoss(failure)) return false;
        // a node the work was planned on had already left (the plan used affinity from before its departure)
        for (UUID id : nodesUsed) if (ignite.cluster().node(id) == null) return awaitAffinity(ignite, NOTICE_TIMEOUT_MILLIS);
        // Either discovery has not noticed yet, or it noticed before the work began while requests still went by
        // the old partition map: give it a moment to, then run again either way (callers bound the attempts).
        awaitTopologyChange(ignite, topologyAtStart, GRACE_MILLIS);
        return awaitAffinity(ignite, NOTICE_TIMEOUT_MILLIS);
    }

    /** Waits until this node's affinity is computed for its current topology version (see {@link IgniteInternals#awaitAffinity}). */
    public static boolean awaitAffinity(Ignite ignite, long timeoutMillis) {
        return IgniteInternals.awaitAffinity(ignite, timeoutMillis);
    }
}
