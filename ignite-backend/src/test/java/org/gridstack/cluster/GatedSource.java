package org.gridstack.cluster;

import java.nio.file.Files;
import java.nio.file.Path;
import org.gridstack.array.DataType;
import org.gridstack.sample.SyntheticStack;
import org.gridstack.source.SliceFormat;
import org.gridstack.source.SliceSource;

/**
 * A synthetic uint8 stack whose frames from {@code gatedFrom} on can only be read once a gate file exists: the
 * test holds a stage mid-run (jobs on every node block on a gated chunk) while it kills or adds a node, then opens
 * the gate. Servers run from the test classpath and see the same file system, so the gate works across JVMs; a
 * blocked read waits on that condition (polling the file), never for a fixed time.
 */
final class GatedSource implements SliceSource {
    private static final long serialVersionUID = 1L;
    private static final long GATE_TIMEOUT_MILLIS = 120_000;

    private final int frames;
    private final int height;
    private final int width;
    private final long seed;
    private final int gatedFrom;
    private final String gate;

    GatedSource(int frames, int height, int width, long seed, int gatedFrom, Path gate) {
        this.frames = frames;
        this.height = height;
        this.width = width;
        this.seed = seed;
        this.gatedFrom = gatedFrom;
        this.gate = gate.toString();
    }

    byte[] frame(int t) {
        return new SyntheticStack(frames, height, width, seed).frame(t);
    }

    @Override
    public int size() {
        return frames;
    }

    @Override
    public String where(int t) {
        return "gated frame " + t;
    }

    @Override
    public SliceFormat probe() {
        return new SliceFormat(width, height, DataType.UINT8);
    }

    @Override
    public void read(int t0, int count, SliceFormat format, Object dest) {
        if (t0 + count > gatedFrom) awaitGate();
        SyntheticStack stack = new SyntheticStack(frames, height, width, seed);
        int pixels = height * width;
        for (int i = 0; i < count; i++) System.arraycopy(stack.frame(t0 + i), 0, dest, i * pixels, pixels);
    }

    private void awaitGate() {
        long deadline = System.nanoTime() + GATE_TIMEOUT_MILLIS * 1_000_000L;
        Path file = Path.of(gate);
        while (!Files.exists(file)) {
            if (System.nanoTime() > deadline) throw new IllegalStateException("gate " + gate + " never opened");
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted at gate " + gate, e);
            }
        }
    }

    @Override
    public String describe() {
        return "gated synthetic stack " + frames + " x " + height + " x " + width + " (gate " + gate + ")";
    }
}
