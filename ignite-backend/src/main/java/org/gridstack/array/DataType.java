package org.gridstack.array;

import java.lang.reflect.Array;
import java.nio.ByteBuffer;

/**
 * Element type of a grid array. Chunks are stored as the matching Java primitive array (byte[] for 8-bit, ...),
 * and this is the one place that knows how each type's elements are read: everything that walks chunk elements
 * asks the array's type, so a new pixel type is one more constant here. Integer types are unsigned.
 *
 * <p>The integer kernels sum runs of pixels into int accumulators, in loops the JIT vectorises (a double
 * accumulator cannot be vectorised: floating-point adds are not reassociated); callers keep the int sums from
 * overflowing ({@link #framesPerIntSum()}). Floating types have no integer kernels.
 *
 * <p>Over 250 lines on purpose: one short section per type keeps every per-type loop and conversion in this one file.
 */
public enum DataType {
    UINT8(1, "8-bit", byte[].class) {
        @Override
        public void write(Object data, int from, int n, ByteBuffer out) {
            out.put((byte[]) data, from, n);
        }

        @Override
        public void read(ByteBuffer in, Object dst, int at, int n) {
            in.get((byte[]) dst, at, n);
        }

        @Override
        public Object allocate(int length) {
            return new byte[length];
        }

        @Override
        public double get(Object data, int i) {
            return ((byte[]) data)[i] & 0xff;
        }

        @Override
        public void toDouble(Object data, int from, double[] dst, int at, int n) {
            byte[] a = (byte[]) data;
            for (int i = 0; i < n; i++) dst[at + i] = a[from + i] & 0xff;
        }

        @Override
        public long sum(Object data, int from, int n) {
            byte[] a = (byte[]) data;
            long total = 0;
            for (int start = from; start < from + n; start += 1 << 23) {
                int end = Math.min(from + n, start + (1 << 23));
                int s = 0; // 255 * 2^23 < 2^31
                for (int i = start; i < end; i++) s += a[i] & 0xff;
                total += s;
            }
            return total;
        }

        @Override
        public void add(Object data, int from, int[] acc, int n) {
            byte[] a = (byte[]) data;
            for (int i = 0; i < n; i++) acc[i] += a[from + i] & 0xff;
        }

        @Override
        public void max(Object data, int from, int[] acc, int n) {
            byte[] a = (byte[]) data;
            for (int i = 0; i < n; i++) acc[i] = Math.max(acc[i], a[from + i] & 0xff);
        }

        @Override
        public void min(Object data, int from, int[] acc, int n) {
            byte[] a = (byte[]) data;
            for (int i = 0; i < n; i++) acc[i] = Math.min(acc[i], a[from + i] & 0xff);
        }

        @Override
        public void moments(Object data, int from, int n, long[] sums) {
            byte[] a = (byte[]) data;
            if (255L * n * n / 2 < Integer.MAX_VALUE) {
                int s = 0, sc = 0;
                for (int c = 0; c < n; c++) {
                    int v = a[from + c] & 0xff;
                    s += v;
                    sc += c * v;
                }
                sums[0] = s;
                sums[1] = sc;
                return;
            }
            long s = 0, sc = 0;
            for (int c = 0; c < n; c++) {
                long v = a[from + c] & 0xff;
                s += v;
                sc += c * v;
            }
            sums[0] = s;
            sums[1] = sc;
        }
    },
    UINT16(2, "16-bit", short[].class) {
        @Override
        public void write(Object data, int from, int n, ByteBuffer out) {
            out.asShortBuffer().put((short[]) data, from, n);
            out.position(out.position() + 2 * n);
        }

        @Override
        public void read(ByteBuffer in, Object dst, int at, int n) {
            in.asShortBuffer().get((short[]) dst, at, n);
            in.position(in.position() + 2 * n);
        }

        @Override
        public Object allocate(int length) {
            return new short[length];
        }

        @Override
        public double get(Object data, int i) {
            return ((short[]) data)[i] & 0xffff;
        }

        @Override
        public void toDouble(Object data, int from, double[] dst, int at, int n) {
            short[] a = (short[]) data;
            for (int i = 0; i < n; i++) dst[at + i] = a[from + i] & 0xffff;
        }

        @Override
        public long sum(Object data, int from, int n) {
            short[] a = (short[]) data;
            long s = 0;
            for (int i = from; i < from + n; i++) s += a[i] & 0xffff;
            return s;
        }

        @Override
        public void add(Object data, int from, int[] acc, int n) {
            short[] a = (short[]) data;
            for (int i = 0; i < n; i++) acc[i] += a[from + i] & 0xffff;
        }

        @Override
        public void max(Object data, int from, int[] acc, int n) {
            short[] a = (short[]) data;
            for (int i = 0; i < n; i++) acc[i] = Math.max(acc[i], a[from + i] & 0xffff);
        }

        @Override
        public void min(Object data, int from, int[] acc, int n) {
            short[] a = (short[]) data;
            for (int i = 0; i < n; i++) acc[i] = Math.min(acc[i], a[from + i] & 0xffff);
        }

        @Override
        public void moments(Object data, int from, int n, long[] sums) {
            short[] a = (short[]) data;
            long s = 0, sc = 0;
            for (int c = 0; c < n; c++) {
                long v = a[from + c] & 0xffff;
                s += v;
                sc += c * v;
            }
            sums[0] = s;
            sums[1] = sc;
        }
    },
    FLOAT32(4, "32-bit", float[].class) {
        @Override
        public void write(Object data, int from, int n, ByteBuffer out) {
            out.asFloatBuffer().put((float[]) data, from, n);
            out.position(out.position() + 4 * n);
        }

        @Override
        public void read(ByteBuffer in, Object dst, int at, int n) {
            in.asFloatBuffer().get((float[]) dst, at, n);
            in.position(in.position() + 4 * n);
        }

        @Override
        public Object allocate(int length) {
            return new float[length];
        }

        @Override
        public double get(Object data, int i) {
            return ((float[]) data)[i];
        }

        @Override
        public void toDouble(Object data, int from, double[] dst, int at, int n) {
            float[] a = (float[]) data;
            for (int i = 0; i < n; i++) dst[at + i] = a[from + i];
        }
    },
    FLOAT64(8, "64-bit", double[].class) {
        @Override
        public void write(Object data, int from, int n, ByteBuffer out) {
            out.asDoubleBuffer().put((double[]) data, from, n);
            out.position(out.position() + 8 * n);
        }

        @Override
        public void read(ByteBuffer in, Object dst, int at, int n) {
            in.asDoubleBuffer().get((double[]) dst, at, n);
            in.position(in.position() + 8 * n);
        }

        @Override
        public Object allocate(int length) {
            return new double[length];
        }

        @Override
        public double get(Object data, int i) {
            return ((double[]) data)[i];
        }

        @Override
        public void toDouble(Object data, int from, double[] dst, int at, int n) {
            System.arraycopy(data, from, dst, at, n);
        }
    };

    private final int bytes;
    private final String label;
    private final Class<?> arrayClass;

    DataType(int bytes, String label, Class<?> arrayClass) {
        this.bytes = bytes;
        this.label = label;
        this.arrayClass = arrayClass;
    }

    public int bytes() {
        return bytes;
    }

    /** ImageJ-style name, e.g. "8-bit", used in messages. */
    public String label() {
        return label;
    }

    /** A new chunk of this type: the primitive array of {@code length} elements. */
    public abstract Object allocate(int length);

    /** Element {@code i} of a chunk of this type, as a double (unsigned for integer types). */
    public abstract double get(Object data, int i);

    /** Elements [from, from + n) of a chunk of this type into {@code dst} at {@code at}, as doubles. */
    public abstract void toDouble(Object data, int from, double[] dst, int at, int n);

    /** Writes elements [from, from + n) of a chunk of this type into {@code out} (in its byte order), advancing it. */
    public abstract void write(Object data, int from, int n, ByteBuffer out);

    /** Reads n elements from {@code in} (in its byte order) into {@code dst} at {@code at}, advancing it. */
    public abstract void read(ByteBuffer in, Object dst, int at, int n);

    /** Whether values are unsigned integers with the integer kernels below. */
    public boolean isInteger() {
        return this == UINT8 || this == UINT16;
    }

    /** How many frames of this type an int accumulator can sum: 65535 * 32767 < 2^31. */
    public int framesPerIntSum() {
        return 32767;
    }

    /** Exact sum of elements [from, from + n). Integer types only. */
    public long sum(Object data, int from, int n) {
        throw notInteger();
    }

    /** {@code acc[i] += element[from + i]} for i < n. Integer types only. */
    public void add(Object data, int from, int[] acc, int n) {
        throw notInteger();
    }

    /** {@code acc[i] = max(acc[i], element[from + i])} for i < n. Integer types only. */
    public void max(Object data, int from, int[] acc, int n) {
        throw notInteger();
    }

    /** {@code acc[i] = min(acc[i], element[from + i])} for i < n. Integer types only. */
    public void min(Object data, int from, int[] acc, int n) {
        throw notInteger();
    }

    /** Over a run of n elements v[c]: {@code sums[0] = Σ v[c]}, {@code sums[1] = Σ c·v[c]}, exactly. Integer types only. */
    public void moments(Object data, int from, int n, long[] sums) {
        throw notInteger();
    }

    private UnsupportedOperationException notInteger() {
        return new UnsupportedOperationException(label + " is not an integer type");
    }

    /** The type of a chunk (a primitive array of one of the types). */
    public static DataType of(Object chunk) {
        for (DataType t : values()) if (t.arrayClass.isInstance(chunk)) return t;
        throw new IllegalArgumentException("not a chunk of a known type: " + (chunk == null ? "null" : chunk.getClass().getName()));
    }

    /** Elements in a chunk. */
    public static int length(Object chunk) {
        return Array.getLength(chunk);
    }

    /** Bytes of a chunk's elements. */
    public static long sizeOf(Object chunk) {
        return (long) length(chunk) * of(chunk).bytes;
    }
}
