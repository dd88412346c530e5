package org.gridstack.exec;

import java.util.concurrent.TimeUnit;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteClientDisconnectedException;
import org.apache.ignite.cluster.ClusterTopologyException;
import org.apache.ignite.internal.cluster.ClusterTopologyCheckedException;
import org.apache.ignite.IgniteCheckedException;
import org.apache.ignite.internal.GridKernalContext;
import org.apache.ignite.internal.IgniteEx;
import org.apache.ignite.internal.IgniteInternalFuture;
import org.apache.ignite.internal.NodeStoppingException;
import org.apache.ignite.internal.processors.affinity.AffinityTopologyVersion;

/**
 * Failures caused by a server node leaving (killed, crashed, cut off) while grid work was running. Such work is
 * safe to run again once the cluster has taken notice: chunk jobs count a fixed share of chunks, a shuffle wave is
 * redone from scratch, and every stored chunk is a pure function of its recipe, so a re-run stores the same values.
 */
public final class TopologyFailures {
    /** How long to wait for discovery to report the node that made work fail as gone. */
    public static final long NOTICE_TIMEOUT_MILLIS = 30_000;

    private TopologyFailures() {}

    /** True if {@code t} or one of its causes says a node left or could not be reached (not this client's own loss). */
    public static boolean isNodeLoss(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof IgniteClientDisconnectedException) return false;
            if (c instanceof ClusterTopologyException || c instanceof ClusterTopologyCheckedException || c instanceof NodeStoppingException) {
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

    /**
     * Waits until this node's affinity is computed for its current topology version. Discovery announces a node's
     * departure before the partition exchange has mapped its partitions elsewhere; meanwhile
     * {@code affinity().mapKeyToNode} still names the dead node, and work planned with it fails again.
     */
    public static boolean awaitAffinity(Ignite ignite, long timeoutMillis) {
        if (!(ignite instanceof IgniteEx)) return true;
        GridKernalContext ctx = ((IgniteEx) ignite).context();
        AffinityTopologyVersion version = ctx.discovery().topologyVersionEx();
        IgniteInternalFuture<AffinityTopologyVersion> ready = ctx.cache().context().exchange().affinityReadyFuture(version);
        if (ready == null) return true;
        try {
            ready.get(timeoutMillis);
            return true;
        } catch (IgniteCheckedException e) {
            return false;
        }
    }
}
