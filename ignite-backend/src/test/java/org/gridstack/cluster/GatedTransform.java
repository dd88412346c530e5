package org.gridstack.cluster;

import java.nio.file.Files;
import java.nio.file.Path;
import org.gridstack.array.ArrayMeta;
import org.gridstack.shuffle.BlockTransform;

/**
 * The plain rechunk's transform, held at a gate: a shuffle's finish phase waits, on every node, until the test
 * opens the gate, so that something can be done to the cluster while blocks are assembled but not yet stored.
 */
final class GatedTransform implements BlockTransform {
    private static final long serialVersionUID = 1L;
    private static final long GATE_TIMEOUT_MILLIS = 120_000;

    private final String gate;

    GatedTransform(Path gate) {
        this.gate = gate.toString();
    }

    @Override
    public Object apply(ArrayMeta target, long index, Object assembled, Object spare) {
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
