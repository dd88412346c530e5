package org.gridstack.ops.rechunk;

import java.util.HashMap;
import java.util.Map;
import org.apache.ignite.Ignite;
import org.apache.ignite.cluster.ClusterNode;
import org.gridstack.grid.IgniteInternals;

/**
 * Bytes of output blocks a shuffle may assemble in memory at once, over the whole grid, by default (the pieces of
 * blocks beyond it wait on the owners' disks). It follows the
 * heaps of the server JVMs, where the assemblies live (about evenly spread over the blocks' owners), not the
 * caller's (a thick client holds none of them): on the embedded grid a quarter of this JVM's heap, in a cluster an
 * eighth of the smallest server heap per server JVM, at most 512 MB per server. A server needs the rest for what a
 * shuffle moves besides its assemblies: each core's finished block and its marshalled copy (4x the assembly for FFT
 * power of 8-bit data), the pieces other nodes deliver, and backup copies of other nodes' blocks; with a quarter,
 * 1 GB server heaps ran out of memory in the 1 GB pipeline's FFT.
 */
public final class ShuffleBudget {
    private static final long MAX_PER_SERVER = 512L << 20;
    private static final long MIN_TOTAL = 64L << 20;

    private ShuffleBudget() {}

    public static long defaultBytes(Ignite ignite) {
        // per server JVM: several nodes in one JVM (as in tests) share its heap
        Map<String, Long> heaps = new HashMap<>();
        String localJvm = IgniteInternals.jvmOf(ignite.cluster().localNode());
        boolean embedded = true;
        for (ClusterNode node : ignite.cluster().forServers().nodes()) {
            long heap = node.isLocal() ? Runtime.getRuntime().maxMemory() : node.metrics().getHeapMemoryMaximum();
            if (heap <= 0) heap = Runtime.getRuntime().maxMemory();
            String jvm = IgniteInternals.jvmOf(node);
            heaps.merge(jvm, heap, Math::min);
            embedded &= jvm.equals(localJvm);
        }
        long smallest = heaps.values().stream().mapToLong(Long::longValue).min().orElse(Runtime.getRuntime().maxMemory());
        long perServer = Math.min(MAX_PER_SERVER, smallest / (embedded ? 4 : 8));
        return Math.max(MIN_TOTAL, perServer * Math.max(1, heaps.size()));
    }
}
