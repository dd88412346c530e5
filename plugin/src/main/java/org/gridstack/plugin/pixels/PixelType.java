package org.gridstack.plugin.pixels;

import ij.process.ByteProcessor;
import ij.process.FloatProcessor;
import ij.process.ImageProcessor;
import ij.process.ShortProcessor;
import net.imglib2.img.basictypeaccess.array.ArrayDataAccess;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.img.basictypeaccess.array.DoubleArray;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.img.basictypeaccess.array.IntArray;
import net.imglib2.img.basictypeaccess.array.ShortArray;
import net.imglib2.type.NativeType;
import net.imglib2.type.numeric.integer.IntType;
import net.imglib2.type.numeric.integer.ShortType;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import net.imglib2.type.numeric.real.DoubleType;
import net.imglib2.type.numeric.real.FloatType;
import org.gridstack.array.DataType;

/**
 * The plugin's one mapping of pixel types: for each grid {@link DataType}, the ImageJ processor over its primitive
 * array and the ImgLib2 type and access that wrap it. ImageJ has no signed 16-bit, 32-bit integer or 64-bit images:
 * INT16, INT32 and FLOAT64 show as 32-bit float (see each constant for what that keeps); ImgLib2 has all of them.
 */
public enum PixelType {
    UINT8(DataType.UINT8, 8) {
        @Override
        public ImageProcessor processor(Object pixels, int width, int height) {
            return new ByteProcessor(width, height, (byte[]) pixels);
        }

        @Override
        public Object fromDoubles(double[] values) {
            byte[] b = new byte[values.length];
            for (int i = 0; i < b.length; i++) b[i] = (byte) (int) values[i];
            return b;
        }

        @Override
        public NativeType<?> imglibType() {
            return new UnsignedByteType();
        }

        @Override
        public ArrayDataAccess<?> access(Object pixels) {
            return new ByteArray((byte[]) pixels);
        }
    },
    UINT16(DataType.UINT16, 16) {
        @Override
        public ImageProcessor processor(Object pixels, int width, int height) {
            return new ShortProcessor(width, height, (short[]) pixels, null);
        }

        @Override
        public Object fromDoubles(double[] values) {
            short[] s = new short[values.length];
            for (int i = 0; i < s.length; i++) s[i] = (short) (int) values[i];
            return s;
        }

        @Override
        public NativeType<?> imglibType() {
            return new UnsignedShortType();
        }

        @Override
        public ArrayDataAccess<?> access(Object pixels) {
            return new ShortArray((short[]) pixels);
        }
    },
    /**
     * Signed 16-bit. ImageJ has no signed 16-bit processor: it opens such files into a ShortProcessor holding v + 32768
     * and shows the values through the calibration function of {@code Calibration.setSigned16BitCalibration()}. That
     * calibration lives on the ImagePlus, which this mapping does not make, and a ShortProcessor without it would show
     * -5 as 32763, and measure and save it so. So the pixels go into a FloatProcessor: every int16 value is a float
     * exactly, ImageJ shows and measures the stored values, and Save writes them as float32, which every reader takes
     * as they are. The cost is twice the memory of a slice on screen, and a 32-bit image where ImageJ would show 16-bit.
     */
    INT16(DataType.INT16, 32) {
        @Override
        public ImageProcessor processor(Object pixels, int width, int height) {
            short[] s = (short[]) pixels;
            float[] f = new float[s.length];
            for (int i = 0; i < f.length; i++) f[i] = s[i];
            return new FloatProcessor(width, height, f);
        }

        @Override
        public Object fromDoubles(double[] values) {
            short[] s = new short[values.length];
            for (int i = 0; i < s.length; i++) s[i] = (short) (int) values[i];
            return s;
        }

        @Override
        public NativeType<?> imglibType() {
            return new ShortType();
        }

        @Override
        public ArrayDataAccess<?> access(Object pixels) {
            return new ShortArray((short[]) pixels);
        }
    },
    /**
     * Signed 32-bit integers. ImageJ has no integer type this wide, and opens int32 files as 32-bit float too: the
     * FloatProcessor holds each value as the nearest float, exact up to 2^24 in magnitude and rounded beyond (to 8
     * significant digits). The grid keeps the exact values; ImgLib2's IntType shows them exactly.
     */
    INT32(DataType.INT32, 32) {
        @Override
        public ImageProcessor processor(Object pixels, int width, int height) {
            int[] v = (int[]) pixels;
            float[] f = new float[v.length];
            for (int i = 0; i < f.length; i++) f[i] = v[i];
            return new FloatProcessor(width, height, f);
        }

        @Override
        public Object fromDoubles(double[] values) {
            int[] v = new int[values.length];
            for (int i = 0; i < v.length; i++) v[i] = (int) values[i];
            return v;
        }

        @Override
        public NativeType<?> imglibType() {
            return new IntType();
        }

        @Override
        public ArrayDataAccess<?> access(Object pixels) {
            return new IntArray((int[]) pixels);
        }
    },
    FLOAT32(DataType.FLOAT32, 32) {
        @Override
        public ImageProcessor processor(Object pixels, int width, int height) {
            return new FloatProcessor(width, height, (float[]) pixels);
        }

        @Override
        public Object fromDoubles(double[] values) {
            return toFloats(values);
        }

        @Override
        public NativeType<?> imglibType() {
            return new FloatType();
        }

        @Override
        public ArrayDataAccess<?> access(Object pixels) {
            return new FloatArray((float[]) pixels);
        }
    },
    FLOAT64(DataType.FLOAT64, 32) {
        @Override
        public ImageProcessor processor(Object pixels, int width, int height) {
            return new FloatProcessor(width, height, toFloats((double[]) pixels));
        }

        @Override
        public Object fromDoubles(double[] values) {
            return values.clone();
        }

        @Override
        public NativeType<?> imglibType() {
            return new DoubleType();
        }

        @Override
        public ArrayDataAccess<?> access(Object pixels) {
            return new DoubleArray((double[]) pixels);
        }
    };

    private final DataType dataType;
    private final int bitDepth;

    PixelType(DataType dataType, int bitDepth) {
        this.dataType = dataType;
        this.bitDepth = bitDepth;
    }

    public static PixelType of(DataType type) {
        for (PixelType p : values()) {
            if (p.dataType == type) return p;
        }
        throw new IllegalArgumentException("no ImageJ or ImgLib2 pixel type for " + type);
    }

    /** The bit depth ImageJ shows. */
    public int bitDepth() {
        return bitDepth;
    }

    /** An ImageJ processor over pixels, this type's primitive array in row-major order: shared, except INT16's, INT32's and FLOAT64's (copied to float). */
    public abstract ImageProcessor processor(Object pixels, int width, int height);

    /** The values as a new array of this type's pixels, each cast (integer types truncate). */
    public abstract Object fromDoubles(double[] values);

    public abstract NativeType<?> imglibType();

    /** ImgLib2's access over pixels, this type's primitive array (shared, not copied). */
    public abstract ArrayDataAccess<?> access(Object pixels);

    private static float[] toFloats(double[] values) {
        float[] f = new float[values.length];
        for (int i = 0; i < f.length; i++) f[i] = (float) values[i];
        return f;
    }
}
