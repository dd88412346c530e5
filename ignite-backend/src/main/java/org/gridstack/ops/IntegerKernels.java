package org.gridstack.ops;

/**
 * Tight loops over unsigned 8- and 16-bit pixels with int accumulators, which the JIT vectorises (a double
 * accumulator cannot be: floating-point adds are not reassociated). Callers keep int sums from overflowing.
 */
final class IntegerKernels {
    /** Frames of 16-bit pixels an int sum can take: 65535 * 32767 < 2^31. */
    static final int MAX_FRAMES_PER_INT_SUM = 32767;

    private IntegerKernels() {}

    static long sum(Object pixels, int from, int n) {
        long total = 0;
        int step = 1 << 23;
        for (int start = from; start < from + n; start += step) {
            int end = Math.min(from + n, start + step);
            if (pixels instanceof byte[]) {
                byte[] a = (byte[]) pixels;
                int s = 0; // 255 * 2^23 < 2^31
                for (int i = start; i < end; i++) s += a[i] & 0xff;
                total += s;
            } else {
                short[] a = (short[]) pixels;
                long s = 0;
                for (int i = start; i < end; i++) s += a[i] & 0xffff;
                total += s;
            }
        }
        return total;
    }

    static void add(Object pixels, int from, int[] acc, int at, int n) {
        if (pixels instanceof byte[]) {
            byte[] a = (byte[]) pixels;
            for (int i = 0; i < n; i++) acc[at + i] += a[from + i] & 0xff;
        } else {
            short[] a = (short[]) pixels;
            for (int i = 0; i < n; i++) acc[at + i] += a[from + i] & 0xffff;
        }
    }

    static void max(Object pixels, int from, int[] acc, int at, int n) {
        if (pixels instanceof byte[]) {
            byte[] a = (byte[]) pixels;
            for (int i = 0; i < n; i++) acc[at + i] = Math.max(acc[at + i], a[from + i] & 0xff);
        } else {
            short[] a = (short[]) pixels;
            for (int i = 0; i < n; i++) acc[at + i] = Math.max(acc[at + i], a[from + i] & 0xffff);
        }
    }

    static void min(Object pixels, int from, int[] acc, int at, int n) {
        if (pixels instanceof byte[]) {
            byte[] a = (byte[]) pixels;
            for (int i = 0; i < n; i++) acc[at + i] = Math.min(acc[at + i], a[from + i] & 0xff);
        } else {
            short[] a = (short[]) pixels;
            for (int i = 0; i < n; i++) acc[at + i] = Math.min(acc[at + i], a[from + i] & 0xffff);
        }
    }
}
