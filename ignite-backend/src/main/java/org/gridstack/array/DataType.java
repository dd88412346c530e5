package org.gridstack.array;

import java.lang.reflect.Array;
import java.nio.ByteBuffer;

/**
 * Element type of a grid array. Chunks are stored as the matching Java primitive array (byte[] for 8-bit, ...),
 * and this is the one place that knows how each type's elements are read: everything that walks chunk elements
 * asks the array's type, so a new pixel type is one more constant here. Values are what the file stores:
 * UINT8 and UINT16 unsigned (Java's signed byte and short masked), INT16 and INT32 signed, FLOAT32 and FLOAT64 IEEE.
 *
 * <p>UINT16 and INT16 chunks are both short[]: the bits are the same, only their reading differs. So the type of an
 * array is its {@link ArrayMeta#type()}, never guessed from a chunk, and {@link #of(Object)} cannot tell the two apart.
 *
 * <p>The integer kernels sum runs of pixels into int accumulators, in loops the JIT vectorises (a double
 * accumulator cannot be vectorised: floating-point adds are not reassociated; JDK 17 does not vectorise 8-bit
 * widening loops either, so hot 8-bit paths use {@link ByteLanes}); callers keep the int sums from
 * overflowing ({@link #framesPerIntSum()}, per type). Floating types have no integer kernels.
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
            return ByteLanes.sum((byte[]) data, from, n);
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
    INT16(2, "16-bit signed", short[].class) {
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
            return ((short[]) data)[i];
        }

        @Override
        public void toDouble(Object data, int from, double[] dst, int at, int n) {
            short[] a = (short[]) data;
            for (int i = 0; i < n; i++) dst[at + i] = a[from + i];
        }

        /** 65535 * 32768 < 2^31, for negative sums too. */
        @Override
        public int framesPerIntSum() {
            return 65535;
        }

        @Override
        public long sum(Object data, int from, int n) {
            short[] a = (short[]) data;
            long total = 0;
            for (int start = from; start < from + n; start += 1 << 15) {
                int end = Math.min(from + n, start + (1 << 15));
                int s = 0; // |s| <= 32768 * 2^15 = 2^30
                for (int i = start; i < end; i++) s += a[i];
                total += s;
            }
            return total;
        }

        @Override
        public void add(Object data, int from, int[] acc, int n) {
            short[] a = (short[]) data;
            for (int i = 0; i < n; i++) acc[i] += a[from + i];
        }

        @Override
        public void max(Object data, int from, int[] acc, int n) {
            short[] a = (short[]) data;
            for (int i = 0; i < n; i++) acc[i] = Math.max(acc[i], a[from + i]);
        }

        @Override
        public void min(Object data, int from, int[] acc, int n) {
            short[] a = (short[]) data;
            for (int i = 0; i < n; i++) acc[i] = Math.min(acc[i], a[from + i]);
        }

        @Override
        public void moments(Object data, int from, int n, long[] sums) {
            short[] a = (short[]) data;
            long s = 0, sc = 0;
            for (int c = 0; c < n; c++) {
                long v = a[from + c];
                s += v;
                sc += c * v;
            }
            sums[0] = s;
            sums[1] = sc;
        }
    },
    INT32(4, "32-bit int", int[].class) {
        @Override
        public void write(Object data, int from, int n, ByteBuffer out) {
            out.asIntBuffer().put((int[]) data, from, n);
            out.position(out.position() + 4 * n);
        }

        @Override
        public void read(ByteBuffer in, Object dst, int at, int n) {
            in.asIntBuffer().get((int[]) dst, at, n);
            in.position(in.position() + 4 * n);
        }

        @Override
        public Object allocate(int length) {
            return new int[length];
        }

        @Override
        public double get(Object data, int i) {
            return ((int[]) data)[i];
        }

        @Override
        public void toDouble(Object data, int from, double[] dst, int at, int n) {
            int[] a = (int[]) data;
            for (int i = 0; i < n; i++) dst[at + i] = a[from + i];
        }

        /** An int holds one 32-bit value and no sum of two: each frame is folded on its own. */
        @Override
        public int framesPerIntSum() {
            return 1;
        }

        @Override
        public long sum(Object data, int from, int n) {
            int[] a = (int[]) data;
            long s = 0; // |s| <= 2^31 * 2^31
            for (int i = from; i < from + n; i++) s += a[i];
            return s;
        }

        @Override
        public void add(Object data, int from, int[] acc, int n) {
            int[] a = (int[]) data;
            for (int i = 0; i < n; i++) acc[i] += a[from + i];
        }

        @Override
        public void max(Object data, int from, int[] acc, int n) {
            int[] a = (int[]) data;
            for (int i = 0; i < n; i++) acc[i] = Math.max(acc[i], a[from + i]);
        }

        @Override
        public void min(Object data, int from, int[] acc, int n) {
            int[] a = (int[]) data;
            for (int i = 0; i < n; i++) acc[i] = Math.min(acc[i], a[from + i]);
        }

        @Override
        public void moments(Object data, int from, int n, long[] sums) {
            if (n > MOMENT_RUN) throw new IllegalArgumentException("moments of " + n + " elements: at most " + MOMENT_RUN + " at once");
            int[] a = (int[]) data;
            long s = 0, sc = 0;
            for (int c = 0; c < n; c++) {
                long v = a[from + c];
                s += v;
                sc += c * v; // |sc| < 2^31 * 2^32 / 2
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

    /** Element {@code i} of a chunk of this type, as a double (its value: unsigned for UINT8 and UINT16, signed for INT16 and INT32). */
    public abstract double get(Object data, int i);

    /** Elements [from, from + n) of a chunk of this type into {@code dst} at {@code at}, as doubles. */
    public abstract void toDouble(Object data, int from, double[] dst, int at, int n);

    /** Writes elements [from, from + n) of a chunk of this type into {@code out} (in its byte order), advancing it. */
    public abstract void write(Object data, int from, int n, ByteBuffer out);

    /** Reads n elements from {@code in} (in its byte order) into {@code dst} at {@code at}, advancing it. */
    public abstract void read(ByteBuffer in, Object dst, int at, int n);

    /** The longest run {@link #moments} takes at once: INT32's Σ c·v then stays inside a long. */
    public static final int MOMENT_RUN = 1 << 16;

    /** Whether values are integers (UINT8, UINT16, INT16, INT32) with the integer kernels below. */
    public boolean isInteger() {
        return this == UINT8 || this == UINT16 || this == INT16 || this == INT32;
    }

    /** Whether values can be negative. */
    public boolean isSigned() {
        return this != UINT8 && this != UINT16;
    }

    /**
     * How many frames of this type an int accumulator can sum without overflow: 32767 for UINT8 and UINT16
     * (65535 * 32767 < 2^31), 65535 for INT16 (32768 * 65535 < 2^31), 1 for INT32.
     */
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

    /**
     * Over a run of n elements v[c]: {@code sums[0] = Σ v[c]}, {@code sums[1] = Σ c·v[c]}, exactly. Integer types only;
     * n at most {@link #MOMENT_RUN}.
     */
    public void moments(Object data, int from, int n, long[] sums) {
        throw notInteger();
    }

    private UnsupportedOperationException notInteger() {
        return new UnsupportedOperationException(label + " is not an integer type");
    }

    /**
     * The type of a chunk (a primitive array of one of the types), by its Java class: a short[] gives UINT16, even when
     * it belongs to an INT16 array. Where the array is known, use its type.
     */
    public static DataType of(Object chunk) {
        for (DataType t : values()) if (t.arrayClass.isInstance(chunk)) return t;
        throw new IllegalArgumentException("not a chunk of a known type: " + (chunk == null ? "null" : chunk.getClass().getName()));
    }

    /** Whether {@code chunk} is an array of this type's Java primitive (a short[] for both UINT16 and INT16). */
    public boolean holds(Object chunk) {
        return arrayClass.isInstance(chunk);
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
