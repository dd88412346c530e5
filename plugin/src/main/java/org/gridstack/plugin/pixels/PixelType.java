package org.gridstack.plugin.pixels;

import ij.process.ByteProcessor;
import ij.process.FloatProcessor;
import ij.process.ImageProcessor;
import ij.process.ShortProcessor;
import net.imglib2.img.basictypeaccess.array.ArrayDataAccess;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.img.basictypeaccess.array.DoubleArray;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.img.basictypeaccess.array.ShortArray;
import net.imglib2.type.NativeType;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import net.imglib2.type.numeric.real.DoubleType;
import net.imglib2.type.numeric.real.FloatType;
import org.gridstack.array.DataType;

/**
 * The plugin's one mapping of pixel types: for each grid {@link DataType}, the ImageJ processor over its primitive
 * array and the ImgLib2 type and access that wrap it. ImageJ has no 64-bit images, so FLOAT64 shows as 32-bit.
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

    /** An ImageJ processor over pixels, this type's primitive array in row-major order: shared, except FLOAT64's. */
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
