package org.gridstack.exec;

import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.apache.ignite.Ignite;

/**
 * Runs a whole stage once more when it failed because a server left. The jobs inside a stage already fail over,
 * but a stage that starts just after a kill can meet the departed node in its first steps (asking which chunks
 * are stored, or who owns them) before discovery has told this node. Every stage may run again: reads are pure,
 * and an array left half-made is finished by the re-run, keeping what was stored.
 */
public final class StageRetry {
    private StageRetry() {}

    private static final int MAX_ATTEMPTS = 3;

    public static <T> T run(Ignite ignite, Supplier<T> stage) {
        for (int attempt = 1; ; attempt++) {
            long topology = ignite.cluster().topologyVersion();
            Set<UUID> servers = TopologyFailures.servers(ignite);
            try {
                return stage.get();
            } catch (RuntimeException e) {
                if (attempt >= MAX_ATTEMPTS || !TopologyFailures.isNodeLoss(e) || !TopologyFailures.settle(ignite, e, topology, servers)) throw e;
            }
        }
    }
}
