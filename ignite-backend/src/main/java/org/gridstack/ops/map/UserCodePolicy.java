package org.gridstack.ops.map;

import org.apache.ignite.Ignite;
import org.apache.ignite.Ignition;
import org.gridstack.base.GridStackException;

/**
 * Where a user's function may run: only on nodes that nothing but cluster members can give work to. A node with a
 * thin-client port open also takes cache writes from thin clients, and a catalog entry written there could carry a
 * function (say, a macro that runs a shell command) that this node would then run while making a chunk. So no JVM
 * with such a node runs any {@link FrameFunction}: a macro reaches the servers only from a client that joined the
 * cluster (through its discovery, and its TLS when on).
 */
final class UserCodePolicy {
    private UserCodePolicy() {}

    /**
     * Throws unless this JVM may run users' functions: none of its nodes has a thin-client port. (A chunk is made in
     * a grid job, or in the thread of whoever reads it, so the check is per JVM, not per job's node.)
     */
    static void checkThisJvm(FrameFunction function) {
        for (Ignite node : Ignition.allGrids()) {
            if (node.configuration().getClientConnectorConfiguration() != null) {
                throw new GridStackException("server " + node.name() + " has a thin-client port open, through which anyone with a "
                        + "thin-client login could make it run code: it does not run " + function.describe() + "; start the "
                        + "servers without thin.client.port to map macros");
            }
        }
    }
}
