package org.gridstack.zarr;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.gridstack.base.GridStackException;

/**
 * A Zarr v2 simple data type, written as a NumPy type string: byte order ({@code <} little, {@code >} big,
 * {@code |} not relevant), kind ({@code u} unsigned, {@code i} signed integer, {@code f} IEEE float) and size in
 * bytes: {@code "|u1"}, {@code "<u2"}, {@code ">i4"}, {@code "<f8"}...
 *
 * <p>A chunk decodes to a Java primitive array of the type's size: {@code byte[]} for u1/i1, {@code short[]} for
 * u2/i2, {@code int[]} for u4/i4, {@code long[]} for u8/i8, {@code float[]} for f4 and {@code double[]} for f8.
 * Unsigned values keep their bits in the signed Java type ({@code s & 0xFFFF} is a u2 value). Booleans, complex
 * numbers, half floats, dates, strings and structured types are refused by name.
 */
public final class ZarrDtype {
    public static final ZarrDtype U1 = new ZarrDtype('u', 1, ByteOrder.LITTLE_ENDIAN);
    public static final ZarrDtype I1 = new ZarrDtype('i', 1, ByteOrder.LITTLE_ENDIAN);
    public static final ZarrDtype U2 = new ZarrDtype('u', 2, ByteOrder.LITTLE_ENDIAN);
    public static final ZarrDtype I2 = new ZarrDtype('i', 2, ByteOrder.LITTLE_ENDIAN);
    public static final ZarrDtype U4 = new ZarrDtype('u', 4, ByteOrder.LITTLE_ENDIAN);
    public static final ZarrDtype I4 = new ZarrDtype('i', 4, ByteOrder.LITTLE_ENDIAN);
    public static final ZarrDtype U8 = new ZarrDtype('u', 8, ByteOrder.LITTLE_ENDIAN);
    public static final ZarrDtype I8 = new ZarrDtype('i', 8, ByteOrder.LITTLE_ENDIAN);
    public static final ZarrDtype F4 = new ZarrDtype('f', 4, ByteOrder.LITTLE_ENDIAN);
    public static final ZarrDtype F8 = new ZarrDtype('f', 8, ByteOrder.LITTLE_ENDIAN);

    private final char kind;
    private final int size;
    private final ByteOrder order;

    private ZarrDtype(char kind, int size, ByteOrder order) {
        this.kind = kind;
        this.size = size;
        // One byte has no order; keep one value so that equal types compare equal.
        this.order = size == 1 ? ByteOrder.LITTLE_ENDIAN : order;
    }

    /** Parses a type string such as {@code "<u2"}; {@code where} names the metadata file for messages. */
    public static ZarrDtype parse(String typestr, String where) {
        String bad = where + ": dtype \"" + typestr + "\"";
        if (typestr == null || typestr.length() < 3) throw new GridStackException(bad + " is not a NumPy type string such as \"<u2\"");
        char orderChar = typestr.charAt(0);
        char kind = typestr.charAt(1);
        int size;
        try {
            size = Integer.parseInt(typestr.substring(2));
        } catch (NumberFormatException e) {
            throw new GridStackException(bad + " is not a NumPy type string such as \"<u2\"");
        }
        String unsupported = bad + " is not supported (supported: u1, i1, u2, i2, u4, i4, u8, i8, f4, f8)";
        switch (kind) {
            case 'b': throw new GridStackException(bad + ": booleans are not supported (supported: u1, i1, u2, i2, u4, i4, u8, i8, f4, f8)");
            case 'c': throw new GridStackException(bad + ": complex numbers are not supported (supported: u1, i1, u2, i2, u4, i4, u8, i8, f4, f8)");
            case 'm': case 'M': throw new GridStackException(bad + ": dates and time deltas are not supported");
            case 'S': case 'U': case 'O': case 'V': throw new GridStackException(bad + ": strings, objects and raw bytes are not supported");
            case 'u': case 'i':
                if (size != 1 && size != 2 && size != 4 && size != 8) throw new GridStackException(unsupported);
                break;
            case 'f':
                if (size == 2) throw new GridStackException(bad + ": half-precision floats are not supported (supported: f4, f8)");
                if (size != 4 && size != 8) throw new GridStackException(unsupported);
                break;
            default: throw new GridStackException(unsupported);
        }
        ByteOrder order;
        switch (orderChar) {
            case '<': order = ByteOrder.LITTLE_ENDIAN; break;
            case '>': order = ByteOrder.BIG_ENDIAN; break;
            case '|':
                if (size != 1) throw new GridStackException(bad + ": a " + size + "-byte type needs its byte order, \"<\" or \">\"");
                order = ByteOrder.LITTLE_ENDIAN;
                break;
            default: throw new GridStackException(bad + ": the byte order must be \"<\", \">\" or \"|\"");
        }
        return new ZarrDtype(kind, size, order);
    }

    /** The same type with the given byte order (one-byte types have none). */
    public ZarrDtype withOrder(ByteOrder byteOrder) {
        return new ZarrDtype(kind, size, byteOrder);
    }

    /** The type string written to {@code .zarray}: {@code "|u1"}, {@code "<u2"}, {@code ">f4"}... */
    public String typestr() {
        char o = size == 1 ? '|' : order == ByteOrder.BIG_ENDIAN ? '>' : '<';
        return "" + o + kind + size;
    }

    /** {@code 'u'}, {@code 'i'} or {@code 'f'}. */
    public char kind() {
        return kind;
    }

    /** Bytes per element. */
    public int size() {
        return size;
    }

    public ByteOrder order() {
        return order;
    }

    public boolean isFloat() {
        return kind == 'f';
    }

    public boolean isUnsigned() {
        return kind == 'u';
    }

    /** The Java array class a chunk decodes to: byte[], short[], int[], long[], float[] or double[]. */
    public Class<?> arrayClass() {
        if (kind == 'f') return size == 4 ? float[].class : double[].class;
        switch (size) {
            case 1: return byte[].class;
            case 2: return short[].class;
            case 4: return int[].class;
            default: return long[].class;
        }
    }

    Object newArray(int n) {
        if (kind == 'f') return size == 4 ? new float[n] : new double[n];
        switch (size) {
            case 1: return new byte[n];
            case 2: return new short[n];
            case 4: return new int[n];
            default: return new long[n];
        }
    }

    /** Decodes {@code bytes} (exactly n elements in this type's byte order) into a new Java array. */
    Object decode(byte[] bytes, int n) {
        if (size == 1) return bytes.length == n ? bytes : Arrays.copyOf(bytes, n);
        ByteBuffer b = ByteBuffer.wrap(bytes, 0, n * size).order(order);
        Object out = newArray(n);
        if (kind == 'f') {
            if (size == 4) b.asFloatBuffer().get((float[]) out);
            else b.asDoubleBuffer().get((double[]) out);
        } else if (size == 2) {
            b.asShortBuffer().get((short[]) out);
        } else if (size == 4) {
            b.asIntBuffer().get((int[]) out);
        } else {
            b.asLongBuffer().get((long[]) out);
        }
        return out;
    }

    /** Encodes a Java array of this type into its bytes in this type's byte order. */
    byte[] encode(Object array) {
        if (size == 1) return (byte[]) array;
        int n = java.lang.reflect.Array.getLength(array);
        ByteBuffer b = ByteBuffer.allocate(n * size).order(order);
        if (kind == 'f') {
            if (size == 4) b.asFloatBuffer().put((float[]) array);
            else b.asDoubleBuffer().put((double[]) array);
        } else if (size == 2) {
            b.asShortBuffer().put((short[]) array);
        } else if (size == 4) {
            b.asIntBuffer().put((int[]) array);
        } else {
            b.asLongBuffer().put((long[]) array);
        }
        return b.array();
    }

    /** Fills a Java array of this type with a fill value as {@link #checkFill} returns it (null: zeros). */
    void fill(Object array, Number fill) {
        if (fill == null) return; // new Java arrays are zeros already
        if (kind == 'f') {
            if (size == 4) Arrays.fill((float[]) array, fill.floatValue());
            else Arrays.fill((double[]) array, fill.doubleValue());
            return;
        }
        long bits = fill.longValue();
        switch (size) {
            case 1: Arrays.fill((byte[]) array, (byte) bits); break;
            case 2: Arrays.fill((short[]) array, (short) bits); break;
            case 4: Arrays.fill((int[]) array, (int) bits); break;
            default: Arrays.fill((long[]) array, bits); break;
        }
    }

    /**
     * A fill value normalized for this type: null stays null; a float type gives a Double (NaN and the infinities
     * included); an integer type gives a Long in the type's range (a u8 above 2^63-1 as the Long of the same bits).
     * Refuses a fractional value or one out of range for an integer type.
     */
    Number checkFill(Number fill, String where) {
        if (fill == null) return null;
        if (kind == 'f') return fill.doubleValue();
        BigInteger v;
        try {
            if (fill instanceof BigInteger) v = (BigInteger) fill;
            else if (fill instanceof Long || fill instanceof Integer || fill instanceof Short || fill instanceof Byte) v = BigInteger.valueOf(fill.longValue());
            else v = new BigDecimal(fill.toString()).toBigIntegerExact();
        } catch (ArithmeticException | NumberFormatException e) {
            throw new GridStackException(where + ": fill_value " + fill + " is not an integer, as dtype \"" + typestr() + "\" needs");
        }
        BigInteger min = isUnsigned() ? BigInteger.ZERO : BigInteger.ONE.shiftLeft(size * 8 - 1).negate();
        BigInteger max = isUnsigned() ? BigInteger.ONE.shiftLeft(size * 8).subtract(BigInteger.ONE) : BigInteger.ONE.shiftLeft(size * 8 - 1).subtract(BigInteger.ONE);
        if (v.compareTo(min) < 0 || v.compareTo(max) > 0) {
            throw new GridStackException(where + ": fill_value " + v + " is out of range for dtype \"" + typestr() + "\" (" + min + " to " + max + ")");
        }
        return v.longValue();
    }

    /** The JSON value of a fill value of this type: a number, "NaN", "Infinity", "-Infinity" or null. */
    Object fillJson(Number fill) {
        if (fill == null) return null;
        if (kind == 'f') {
            double d = fill.doubleValue();
            if (Double.isNaN(d)) return "NaN";
            if (d == Double.POSITIVE_INFINITY) return "Infinity";
            if (d == Double.NEGATIVE_INFINITY) return "-Infinity";
            return d;
        }
        if (kind == 'u' && size == 8 && fill.longValue() < 0) return new BigInteger(Long.toUnsignedString(fill.longValue()));
        return fill.longValue();
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ZarrDtype)) return false;
        ZarrDtype t = (ZarrDtype) o;
        return kind == t.kind && size == t.size && order.equals(t.order);
    }

    @Override
    public int hashCode() {
        return typestr().hashCode();
    }

    @Override
    public String toString() {
        return typestr();
    }
}
