package org.gridstack.exec;

import org.apache.ignite.Ignite;

/** How task events name the node a job ran on: its instance name, or its consistent id when it has none. */
public final class NodeNames {
    private NodeNames() {}

    public static String of(Ignite ignite) {
        return ignite.name() == null ? ignite.cluster().localNode().consistentId().toString() : ignite.name();
    }
}
