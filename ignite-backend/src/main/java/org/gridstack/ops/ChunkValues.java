package org.gridstack.ops;

/** Reads runs of chunk elements as doubles (unsigned for integer types), one type switch per run. */
final class ChunkValues {
    private ChunkValues() {}

    static void toDouble(Object chunk, int from, double[] dst, int n) {
        if (chunk instanceof byte[]) {
            byte[] a = (byte[]) chunk;
            for (int i = 0; i < n; i++) dst[i] = a[from + i] & 0xff;
        } else if (chunk instanceof short[]) {
            short[] a = (short[]) chunk;
            for (int i = 0; i < n; i++) dst[i] = a[from + i] & 0xffff;
        } else if (chunk instanceof float[]) {
            float[] a = (float[]) chunk;
            for (int i = 0; i < n; i++) dst[i] = a[from + i];
        } else {
            System.arraycopy((double[]) chunk, from, dst, 0, n);
        }
    }
}
