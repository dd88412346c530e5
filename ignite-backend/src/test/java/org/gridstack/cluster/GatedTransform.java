package org.gridstack.cluster;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.gridstack.array.ArrayMeta;
import org.gridstack.shuffle.BlockTransform;

/**
 * The plain rechunk's transform, held at a gate: a shuffle's finish phase waits, on every node, until the test
 * opens the gate, so that something can be done to the cluster while blocks are assembled but not yet stored.
 * With {@code passing} > 0, the first {@code passing} blocks on each node go through the closed gate (and are
 * stored), so the finish phase is held partway.
 */
final class GatedTransform implements BlockTransform {
    private static final long serialVersionUID = 1L;
    private static final long GATE_TIMEOUT_MILLIS = 120_000;
    /** Blocks let through so far, per gate, in this node's JVM. */
    private static final Map<String, AtomicInteger> PASSED = new ConcurrentHashMap<>();

    private final String gate;
    private final int passing;

    GatedTransform(Path gate) {
        this(gate, 0);
    }

    GatedTransform(Path gate, int passing) {
        this.gate = gate.toString();
        this.passing = passing;
    }

    @Override
    public Object apply(ArrayMeta target, long index, Object assembled, Object spare) {
        if (PASSED.computeIfAbsent(gate, g -> new AtomicInteger()).incrementAndGet() <= passing) return assembled;
        long deadline = System.currentTimeMillis() + GATE_TIMEOUT_MILLIS;
        while (!Files.exists(Path.of(gate)) && System.currentTimeMillis() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return assembled;
    }
}
