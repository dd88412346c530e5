package org.gridstack.zarr;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.gridstack.base.GridStackException;

/**
 * What a Zarr v2 array's {@code .zarray} says: shape, chunk shape, dtype, compressor, fill value and the chunk key
 * separator. Order is always "C" (row-major chunks) and filters always null: arrays with order "F" or with filters
 * are refused by name when read. Immutable.
 *
 * <pre>{@code
 * ZarrHeader h = ZarrHeader.of(new long[] {100, 2048, 2048}, new int[] {1, 512, 512}, ZarrDtype.U2)
 *         .withCompressor(ZarrCompressor.zstd(3)).withFillValue(0).withDimensionSeparator("/");
 * }</pre>
 */
public final class ZarrHeader {
    private final long[] shape;
    private final int[] chunks;
    private final ZarrDtype dtype;
    private final ZarrCompressor compressor;
    private final Number fillValue;
    private final String dimensionSeparator;

    private ZarrHeader(long[] shape, int[] chunks, ZarrDtype dtype, ZarrCompressor compressor, Number fillValue, String dimensionSeparator, String where) {
        Objects.requireNonNull(dtype, "dtype");
        if (shape.length != chunks.length) {
            throw new GridStackException(where + "shape " + Arrays.toString(shape) + " and chunks " + Arrays.toString(chunks) + " differ in rank");
        }
        long elements = 1;
        for (int d = 0; d < shape.length; d++) {
            if (shape[d] < 0) throw new GridStackException(where + "shape " + Arrays.toString(shape) + " has a negative length");
            if (chunks[d] < 1) throw new GridStackException(where + "chunks " + Arrays.toString(chunks) + " must all be at least 1");
            elements *= chunks[d];
            if (elements * dtype.size() > Integer.MAX_VALUE - 8) {
                throw new GridStackException(where + "chunks " + Arrays.toString(chunks) + " of " + dtype + " exceed 2 GB, more than a Java array holds");
            }
        }
        if (!".".equals(dimensionSeparator) && !"/".equals(dimensionSeparator)) {
            throw new GridStackException(where + "dimension_separator \"" + dimensionSeparator + "\" must be \".\" or \"/\"");
        }
        this.shape = shape.clone();
        this.chunks = chunks.clone();
        this.dtype = dtype;
        this.compressor = compressor == null ? ZarrCompressor.NONE : compressor;
        this.fillValue = dtype.checkFill(fillValue, where.isEmpty() ? "Zarr header" : where.substring(0, where.length() - 2));
        this.dimensionSeparator = dimensionSeparator;
    }

    /** An uncompressed array with fill value 0 and chunk keys "i.j.k". */
    public static ZarrHeader of(long[] shape, int[] chunks, ZarrDtype dtype) {
        return new ZarrHeader(shape, chunks, dtype, ZarrCompressor.NONE, 0, ".", "");
    }

    public ZarrHeader withCompressor(ZarrCompressor c) {
        return new ZarrHeader(shape, chunks, dtype, c, fillValue, dimensionSeparator, "");
    }

    /** The value of chunks never written; null means none (the spec leaves such chunks undefined; read as zeros here). */
    public ZarrHeader withFillValue(Number fill) {
        return new ZarrHeader(shape, chunks, dtype, compressor, fill, dimensionSeparator, "");
    }

    /** "." for chunk keys "i.j.k" (flat), "/" for "i/j/k" (nested folders, as OME-NGFF 0.4 writes). */
    public ZarrHeader withDimensionSeparator(String separator) {
        return new ZarrHeader(shape, chunks, dtype, compressor, fillValue, separator, "");
    }

    public ZarrHeader withDtype(ZarrDtype t) {
        return new ZarrHeader(shape, chunks, t, compressor, fillValue, dimensionSeparator, "");
    }

    public long[] shape() {
        return shape.clone();
    }

    public int[] chunks() {
        return chunks.clone();
    }

    public int rank() {
        return shape.length;
    }

    public ZarrDtype dtype() {
        return dtype;
    }

    public ZarrCompressor compressor() {
        return compressor;
    }

    /** A Double for float types (NaN and infinities included), a Long for integer types, or null. */
    public Number fillValue() {
        return fillValue;
    }

    public String dimensionSeparator() {
        return dimensionSeparator;
    }

    /** Elements in one (full, padded) chunk. */
    public int chunkElements() {
        int n = 1;
        for (int c : chunks) n *= c;
        return n;
    }

    /** Bytes of one chunk, uncompressed. */
    public int chunkBytes() {
        return chunkElements() * dtype.size();
    }

    /** Chunks along each dimension: ceil(shape / chunks). */
    public long[] chunkGridShape() {
        long[] g = new long[shape.length];
        for (int d = 0; d < g.length; d++) g[d] = (shape[d] + chunks[d] - 1) / chunks[d];
        return g;
    }

    /** The {@code .zarray} object, keys in zarr-python's (sorted) order. */
    Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("chunks", chunks);
        m.put("compressor", compressor.toJson());
        m.put("dimension_separator", dimensionSeparator);
        m.put("dtype", dtype.typestr());
        m.put("fill_value", dtype.fillJson(fillValue));
        m.put("filters", null);
        m.put("order", "C");
        m.put("shape", shape);
        m.put("zarr_format", 2);
        return m;
    }

    /** Reads a {@code .zarray} object; {@code where} (the file) prefixes every message. Unknown keys are ignored. */
    static ZarrHeader fromJson(Map<String, Object> m, String where) {
        Object format = require(m, "zarr_format", where);
        if (!Integer.valueOf(2).equals(format)) throw new GridStackException(where + ": zarr_format " + format + " is not supported (only 2)");
        long[] shape = longs(require(m, "shape", where), "shape", where);
        long[] chunkLongs = longs(require(m, "chunks", where), "chunks", where);
        int[] chunks = new int[chunkLongs.length];
        for (int d = 0; d < chunks.length; d++) {
            if (chunkLongs[d] > Integer.MAX_VALUE) throw new GridStackException(where + ": chunks " + Arrays.toString(chunkLongs) + " exceed 2 GB, more than a Java array holds");
            chunks[d] = (int) chunkLongs[d];
        }
        Object dtypeJson = require(m, "dtype", where);
        if (dtypeJson instanceof List) throw new GridStackException(where + ": structured dtype " + dtypeJson + " is not supported (only simple types such as \"<u2\")");
        if (!(dtypeJson instanceof String)) throw new GridStackException(where + ": dtype " + dtypeJson + " is not a type string such as \"<u2\"");
        ZarrDtype dtype = ZarrDtype.parse((String) dtypeJson, where);

        Object order = require(m, "order", where);
        if ("F".equals(order)) throw new GridStackException(where + ": order \"F\" (column-major chunks) is not supported (only \"C\")");
        if (!"C".equals(order)) throw new GridStackException(where + ": order " + quote(order) + " is not valid (\"C\" or \"F\"; only \"C\" is supported)");

        Object filters = m.get("filters");
        if (filters != null && !(filters instanceof List && ((List<?>) filters).isEmpty())) {
            throw new GridStackException(where + ": filters " + filterIds(filters) + " are not supported (only null)");
        }
        if (!m.containsKey("compressor")) throw new GridStackException(where + " lacks \"compressor\" (use null for none)");
        ZarrCompressor compressor = ZarrCompressor.fromJson(m.get("compressor"), where);

        if (!m.containsKey("fill_value")) throw new GridStackException(where + " lacks \"fill_value\" (use null for none)");
        Number fill = fillFromJson(m.get("fill_value"), dtype, where);

        Object sep = m.getOrDefault("dimension_separator", ".");
        if (sep == null) sep = ".";
        if (!(sep instanceof String)) throw new GridStackException(where + ": dimension_separator " + sep + " must be \".\" or \"/\"");
        return new ZarrHeader(shape, chunks, dtype, compressor, fill, (String) sep, where + ": ");
    }

    private static Number fillFromJson(Object v, ZarrDtype dtype, String where) {
        if (v == null) return null;
        if (v instanceof String) {
            String s = (String) v;
            if (dtype.isFloat()) {
                if (s.equals("NaN")) return Double.NaN;
                if (s.equals("Infinity")) return Double.POSITIVE_INFINITY;
                if (s.equals("-Infinity")) return Double.NEGATIVE_INFINITY;
            }
            throw new GridStackException(where + ": fill_value \"" + s + "\" is not valid for dtype \"" + dtype + "\""
                    + (dtype.isFloat() ? " (a number, \"NaN\", \"Infinity\", \"-Infinity\" or null)" : " (an integer or null)"));
        }
        if (v instanceof Number) return (Number) v;
        throw new GridStackException(where + ": fill_value " + v + " is not valid for dtype \"" + dtype + "\"");
    }

    private static Object require(Map<String, Object> m, String key, String where) {
        if (!m.containsKey(key)) throw new GridStackException(where + " lacks \"" + key + "\"; is it a Zarr v2 array?");
        return m.get(key);
    }

    private static long[] longs(Object v, String key, String where) {
        if (!(v instanceof List)) throw new GridStackException(where + ": " + key + " " + v + " is not a list of integers");
        List<?> list = (List<?>) v;
        long[] out = new long[list.size()];
        for (int i = 0; i < out.length; i++) {
            Object x = list.get(i);
            if (!(x instanceof Integer || x instanceof Long || x instanceof BigInteger) || ((Number) x).longValue() < 0
                    || (x instanceof BigInteger && ((BigInteger) x).bitLength() > 63)) {
                throw new GridStackException(where + ": " + key + " " + v + " is not a list of integers of at least 0");
            }
            out[i] = ((Number) x).longValue();
        }
        return out;
    }

    private static String filterIds(Object filters) {
        if (!(filters instanceof List)) return String.valueOf(filters);
        List<String> ids = new ArrayList<>();
        for (Object f : (List<?>) filters) {
            ids.add(f instanceof Map && ((Map<?, ?>) f).get("id") != null ? "\"" + ((Map<?, ?>) f).get("id") + "\"" : String.valueOf(f));
        }
        return ids.toString();
    }

    private static String quote(Object o) {
        return o instanceof String ? "\"" + o + "\"" : String.valueOf(o);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ZarrHeader)) return false;
        ZarrHeader h = (ZarrHeader) o;
        return Arrays.equals(shape, h.shape) && Arrays.equals(chunks, h.chunks) && dtype.equals(h.dtype) && compressor.equals(h.compressor)
                && Objects.equals(fillValue, h.fillValue) && dimensionSeparator.equals(h.dimensionSeparator);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(shape), Arrays.hashCode(chunks), dtype, compressor, fillValue, dimensionSeparator);
    }

    @Override
    public String toString() {
        return "Zarr array " + Arrays.toString(shape) + " in chunks " + Arrays.toString(chunks) + " of " + dtype + ", " + compressor
                + ", fill " + fillValue + ", keys with \"" + dimensionSeparator + "\"";
    }
}
