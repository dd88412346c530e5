package org.gridstack.ops.rechunk;

import org.gridstack.base.GridStackException;

/** The side b of time-series blocks (T, b, b). */
public final class BlockSize {
    /** Aim for blocks of about this size: large enough for long copies, small enough to spread over cores. */
    static final long TARGET_BYTES = 16L << 20;
    static final long MIN_BYTES = 8L << 20;
    /** At least this many blocks per core, so that every core gets work and stragglers stay small. */
    static final int BLOCKS_PER_CORE = 4;

    private BlockSize() {}

    public static void check(int block) {
        if (block < 1) throw new GridStackException("block (" + block + ") must be 1 or more");
    }

    /**
     * A side giving blocks of about 16 MB of {@code elementBytes} elements (not under 8 MB unless needed) and at
     * least four blocks per core; a multiple of 16 from 64 up.
     */
    public static int choose(long frames, int height, int width, int elementBytes, int cores) {
        long seriesBytes = frames * elementBytes;
        int side = Math.min(height, width);
        int b = (int) Math.max(1, Math.min(side, (long) Math.sqrt((double) TARGET_BYTES / seriesBytes)));
        int minB = (int) Math.max(1, Math.min(b, (long) Math.sqrt((double) MIN_BYTES / seriesBytes)));
        while (b > minB && blocks(height, width, b) < (long) BLOCKS_PER_CORE * cores) b--;
        if (b >= 64 && b < side) b -= b % 16;
        return b;
    }

    private static long blocks(int height, int width, int b) {
        return ((height + b - 1L) / b) * ((width + b - 1L) / b);
    }
}
