package org.gridstack.zarr;

import java.lang.reflect.Array;

/** Deterministic test pixels for any dtype, and element access as doubles (unsigned types read unsigned). */
final class TestValues {
    private TestValues() {
    }

    /** The value at an element's global position, spread over the dtype's whole range (above 2^15 for u2, negative for i2...). */
    static double value(ZarrDtype t, long[] pos) {
        long h = 0;
        for (long p : pos) h = h * 1_000_003 + p * 7919 + 17;
        h = Math.abs(h * 0x9E3779B97F4A7C15L >>> 11);
        switch (t.kind()) {
            case 'f': return (h % 20_011) * 0.25 - 2_500.5; // exact in f4 and f8
            case 'u': return t.size() >= 8 ? h % (1L << 52) : h % (1L << (8 * t.size()));
            default: return t.size() >= 8 ? (h % (1L << 52)) - (1L << 51) : (h % (1L << (8 * t.size()))) - (1L << (8 * t.size() - 1));
        }
    }

    /** Element i of a chunk array as a double (unsigned types as their unsigned value). */
    static double get(Object array, int i, ZarrDtype t) {
        Object v = Array.get(array, i);
        if (t.isFloat()) return ((Number) v).doubleValue();
        long bits = ((Number) v).longValue();
        if (t.isUnsigned() && t.size() < 8) bits &= (1L << (8 * t.size())) - 1;
        return bits;
    }

    /** Sets element i of a chunk array from a double (an integer value for integer types). */
    static void set(Object array, int i, ZarrDtype t, double v) {
        if (t.isFloat()) {
            if (t.size() == 4) ((float[]) array)[i] = (float) v;
            else ((double[]) array)[i] = v;
            return;
        }
        long bits = (long) v;
        switch (t.size()) {
            case 1: ((byte[]) array)[i] = (byte) bits; break;
            case 2: ((short[]) array)[i] = (short) bits; break;
            case 4: ((int[]) array)[i] = (int) bits; break;
            default: ((long[]) array)[i] = bits; break;
        }
    }

    /** The inside part of a chunk (its extent, C order) filled with {@link #value}. */
    static Object chunk(ZarrArray a, long[] chunkIndex) {
        ZarrHeader h = a.header();
        int[] extent = a.chunkExtent(chunkIndex);
        int[] chunks = h.chunks();
        int n = 1;
        for (int e : extent) n *= e;
        Object out = h.dtype().newArray(n);
        long[] pos = new long[extent.length];
        for (int i = 0; i < n; i++) {
            int r = i;
            for (int d = extent.length - 1; d >= 0; d--) {
                pos[d] = chunkIndex[d] * chunks[d] + r % extent[d];
                r /= extent[d];
            }
            set(out, i, h.dtype(), value(h.dtype(), pos));
        }
        return out;
    }

    /** Every chunk index of an array's grid, in C order. */
    static java.util.List<long[]> chunkIndices(ZarrArray a) {
        long[] grid = a.chunkGridShape();
        java.util.List<long[]> out = new java.util.ArrayList<>();
        long total = 1;
        for (long g : grid) total *= g;
        for (long k = 0; k < total; k++) {
            long[] idx = new long[grid.length];
            long r = k;
            for (int d = grid.length - 1; d >= 0; d--) {
                idx[d] = r % grid[d];
                r /= grid[d];
            }
            out.add(idx);
        }
        return out;
    }
}
