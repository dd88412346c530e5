package org.gridstack.source;

import java.awt.image.BufferedImage;
import java.awt.image.ComponentSampleModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferFloat;
import java.awt.image.DataBufferInt;
import java.awt.image.DataBufferShort;
import java.awt.image.DataBufferUShort;
import java.awt.image.Raster;
import java.awt.image.SampleModel;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageInputStreamImpl;
import org.gridstack.array.DataType;
import org.gridstack.base.GridStackException;

/**
 * Decodes with Image I/O what {@link PlainTiff} does not read: compressed or tiled TIFFs, BigTIFFs, PNG and JPEG.
 * Pixel values are the stored ones (README, "Numerical contract"):
 * <ul>
 * <li>A TIFF's type comes from its own directory (bits per sample and SampleFormat, see {@link TiffDirectory#type()}),
 * not from the decoded image, which cannot tell int8 from uint8. Signed and float rasters are copied as they are.
 * <li>WhiteIsZero: the JDK's TIFF reader inverts such pages as it decodes them (8-bit v to 255 - v, 16-bit to
 * 65535 - v, int16 to 32767 - v, float32 to 1 - v, which loses bits), and TwelveMonkeys' reader inverts them too,
 * differently. So the reader gets the file with each WhiteIsZero page's photometric field read as BlackIsZero: it
 * then decodes the stored values of any type, exactly, and nothing is inverted back.
 * <li>Which reader: with TwelveMonkeys' imageio-tiff on the class path, two TIFF readers register, and TwelveMonkeys
 * orders its own first. For a classic TIFF the JDK's reader is taken anyway (the one the rest of Grid Stack was checked
 * against; TwelveMonkeys' {@code read} also scales float32 samples into [0, 1]). A BigTIFF only TwelveMonkeys reads; its
 * raster is taken with {@code readRaster}, which keeps float values as stored.
 * </ul>
 * Decoding goes into a per-thread reusable image where the reader takes one (fresh buffers cost page faults), then
 * into the chunk.
 */
final class ImageDecoder implements AutoCloseable {
    /** What Grid Stack reads, for messages about what it does not. */
    static final String READS = "Grid Stack reads single-channel grey images: TIFF of uint8, uint16, int16, int32 or float32, "
            + "8- or 16-bit PNG, 8-bit JPEG";
    private static final String JDK_TIFF = "com.sun.imageio.plugins.tiff.";
    private static final String TWELVEMONKEYS = "com.twelvemonkeys.";
    private static final ThreadLocal<BufferedImage> SCRATCH = new ThreadLocal<>();

    private final ImageReader reader;
    private final TiffFile tiff;
    private final PatchedInput patched;

    private ImageDecoder(ImageReader reader, TiffFile tiff, PatchedInput patched) {
        this.reader = reader;
        this.tiff = tiff;
        this.patched = patched;
    }

    /** A decoder reading {@code in} (which the caller closes, after closing this). */
    static ImageDecoder open(ImageInputStream in, String where) {
        if (in == null) throw new GridStackException("cannot read " + where);
        try {
            TiffFile tiff = TiffFile.open(bytes(in), where);
            in.seek(0);
            PatchedInput patched = tiff == null ? null : new PatchedInput(in);
            ImageInputStream input = patched != null ? patched : in;
            ImageReader reader = choose(ImageIO.getImageReaders(input), tiff, where);
            input.seek(0);
            reader.setInput(input, false, true);
            return new ImageDecoder(reader, tiff, patched);
        } catch (IOException e) {
            throw corrupt(where, e);
        }
    }

    private static ImageReader choose(Iterator<ImageReader> readers, TiffFile tiff, String where) {
        ImageReader first = null, preferred = null;
        while (readers.hasNext()) {
            ImageReader r = readers.next();
            String name = r.getClass().getName();
            boolean wanted = tiff != null && (tiff.big ? name.startsWith(TWELVEMONKEYS) : name.startsWith(JDK_TIFF));
            if (wanted && preferred == null) preferred = r;
            else if (first == null) first = r;
            else r.dispose();
        }
        if (preferred != null) {
            if (first != null) first.dispose();
            return preferred;
        }
        if (first != null) return first;
        if (tiff != null && tiff.big) {
            throw new GridStackException("cannot read " + where + ": it is a BigTIFF, and no BigTIFF reader is on the class path "
                    + "(TwelveMonkeys imageio-tiff, which Grid Stack's backend depends on)");
        }
        throw new GridStackException("corrupt or unsupported image: " + where + " (not a TIFF, PNG or JPEG file)");
    }

    /** Number of pages (images) in the input. */
    int pageCount(String where) {
        try {
            return tiff != null ? tiff.pageCount() : reader.getNumImages(true);
        } catch (IOException | RuntimeException e) {
            if (e instanceof GridStackException) throw (GridStackException) e;
            throw corrupt(where, e);
        }
    }

    /** The format of page {@code page}, or a failure that says what it is and what Grid Stack reads. */
    SliceFormat format(int page, String where) {
        try {
            if (tiff != null) {
                TiffDirectory d = tiff.page(page);
                if (d == null) throw new GridStackException("corrupt image: " + where + " (its directory cannot be read)");
                return d.format(where);
            }
            ImageTypeSpecifier spec = reader.getRawImageType(page);
            if (spec == null) spec = reader.getImageTypes(page).next();
            SampleModel sm = spec.getSampleModel();
            int bits = sm.getSampleSize(0);
            DataType type = sm.getNumBands() != 1 ? null : bits == 8 ? DataType.UINT8 : bits == 16 ? DataType.UINT16 : null;
            if (type == null) throw new GridStackException(where + " has " + sm.getNumBands() + " channel(s) of " + bits + " bits; " + READS);
            return SliceFormat.of(reader.getWidth(page), reader.getHeight(page), type, where);
        } catch (IOException | RuntimeException e) {
            if (e instanceof GridStackException) throw (GridStackException) e;
            throw corrupt(where, e);
        }
    }

    /** Decodes page {@code page} into dest at element {@code offset}, after checking it has {@code expect}'s format. */
    void decode(int page, SliceFormat expect, Object dest, int offset, String where) {
        check(format(page, where), expect, where);
        try {
            Raster raster;
            if (tiff != null) {
                TiffDirectory d = tiff.page(page);
                if (d.photometric == TiffDirectory.WHITE_IS_ZERO && d.photometricAt >= 0) patched.blackIsZero(d.photometricAt, tiff.order);
                if (tiff.big || !reader.getClass().getName().startsWith(JDK_TIFF)) {
                    raster = reader.canReadRaster() ? reader.readRaster(page, null) : reader.read(page).getRaster();
                } else {
                    raster = readInto(page, expect);
                }
            } else {
                raster = readInto(page, expect);
            }
            copy(raster, expect, dest, offset, where);
        } catch (IOException | RuntimeException e) {
            if (e instanceof GridStackException) throw (GridStackException) e;
            throw corrupt(where, e);
        }
    }

    /** Reads a page into this thread's reusable image of the page's raw type. */
    private Raster readInto(int page, SliceFormat f) throws IOException {
        BufferedImage img = SCRATCH.get();
        ImageTypeSpecifier raw = null;
        int type = f.type() == DataType.UINT8 ? BufferedImage.TYPE_BYTE_GRAY : f.type() == DataType.UINT16 ? BufferedImage.TYPE_USHORT_GRAY : 0;
        if (type == 0) raw = reader.getRawImageType(page);
        boolean fits = img != null && img.getWidth() == f.width() && img.getHeight() == f.height() && img.getType() == type
                && (raw == null || raw.getSampleModel().getDataType() == img.getSampleModel().getDataType()
                        && raw.getColorModel().equals(img.getColorModel()));
        if (!fits) {
            img = raw == null ? new BufferedImage(f.width(), f.height(), type) : raw.createBufferedImage(f.width(), f.height());
            SCRATCH.set(img);
        }
        ImageReadParam param = reader.getDefaultReadParam();
        param.setDestination(img);
        return reader.read(page, param).getRaster();
    }

    /** Copies a decoded single-band raster into dest, as stored: the raster's data type must hold the slice's type. */
    private static void copy(Raster raster, SliceFormat f, Object dest, int offset, String where) {
        int w = f.width(), h = f.height();
        DataBuffer db = raster.getDataBuffer();
        int dataType = db.getDataType();
        boolean holds;
        switch (f.type()) {
            case UINT8: holds = dataType == DataBuffer.TYPE_BYTE; break;
            case UINT16: case INT16: holds = dataType == DataBuffer.TYPE_USHORT || dataType == DataBuffer.TYPE_SHORT; break;
            case INT32: holds = dataType == DataBuffer.TYPE_INT; break;
            default: holds = dataType == DataBuffer.TYPE_FLOAT; break;
        }
        if (!holds || raster.getNumBands() != 1 || raster.getWidth() != w || raster.getHeight() != h) {
            throw new GridStackException("cannot read " + where + ": it decoded as " + raster.getNumBands() + " band(s) of Java data type "
                    + dataType + ", " + raster.getWidth() + " x " + raster.getHeight() + ", not as its header's " + f);
        }
        SampleModel sm = raster.getSampleModel();
        boolean simple = sm instanceof ComponentSampleModel && ((ComponentSampleModel) sm).getPixelStride() == 1
                && ((ComponentSampleModel) sm).getScanlineStride() == w && ((ComponentSampleModel) sm).getBandOffsets()[0] == 0
                && db.getNumBanks() == 1 && db.getOffset() == 0 && raster.getSampleModelTranslateX() == 0
                && raster.getSampleModelTranslateY() == 0;
        if (simple) {
            Object data = db instanceof DataBufferByte ? ((DataBufferByte) db).getData()
                    : db instanceof DataBufferUShort ? ((DataBufferUShort) db).getData()
                    : db instanceof DataBufferShort ? ((DataBufferShort) db).getData()
                    : db instanceof DataBufferInt ? ((DataBufferInt) db).getData()
                    : db instanceof DataBufferFloat ? ((DataBufferFloat) db).getData() : null;
            if (data != null) {
                System.arraycopy(data, 0, dest, offset, w * h);
                return;
            }
        }
        int x0 = raster.getMinX(), y0 = raster.getMinY();
        if (f.type() == DataType.FLOAT32) {
            float[] row = new float[w];
            for (int y = 0; y < h; y++) System.arraycopy(raster.getSamples(x0, y0 + y, w, 1, 0, row), 0, dest, offset + y * w, w);
            return;
        }
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            raster.getSamples(x0, y0 + y, w, 1, 0, row);
            int at = offset + y * w;
            for (int x = 0; x < w; x++) {
                if (dest instanceof byte[]) ((byte[]) dest)[at + x] = (byte) row[x];
                else if (dest instanceof short[]) ((short[]) dest)[at + x] = (short) row[x];
                else ((int[]) dest)[at + x] = row[x];
            }
        }
    }

    /** Every slice must be of the first slice's size and type. */
    static void check(SliceFormat actual, SliceFormat expect, String where) {
        if (!actual.equals(expect)) {
            throw new GridStackException("slice size or type differs: " + where + " is " + actual
                    + ", expected " + expect + " like the first slice");
        }
    }

    @Override
    public void close() {
        reader.dispose();
    }

    private static GridStackException corrupt(String where, Exception e) {
        String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new GridStackException("corrupt image: " + where + " (" + why + ")", e);
    }

    /** Positioned reads of an image input stream (which {@link PatchedInput} never moves for its reader). */
    private static TiffFile.Bytes bytes(ImageInputStream in) {
        return new TiffFile.Bytes() {
            @Override
            public long size() throws IOException {
                return in.length();
            }

            @Override
            public boolean read(ByteBuffer into, long position) throws IOException {
                in.seek(position);
                while (into.hasRemaining()) {
                    int n = in.read(into.array(), into.arrayOffset() + into.position(), into.remaining());
                    if (n < 0) return false;
                    into.position(into.position() + n);
                }
                return true;
            }
        };
    }

    /**
     * The underlying stream with some bytes read as other values: each WhiteIsZero photometric field as BlackIsZero.
     * It keeps its own position and moves the underlying stream to it before every read.
     */
    private static final class PatchedInput extends ImageInputStreamImpl {
        private final ImageInputStream in;
        private final TreeMap<Long, Byte> patches = new TreeMap<>();

        PatchedInput(ImageInputStream in) {
            this.in = in;
        }

        /** The SHORT at {@code position} reads as 1 (BlackIsZero). */
        void blackIsZero(long position, ByteOrder order) {
            boolean little = order == ByteOrder.LITTLE_ENDIAN;
            patches.put(position, (byte) (little ? 1 : 0));
            patches.put(position + 1, (byte) (little ? 0 : 1));
        }

        @Override
        public int read() throws IOException {
            bitOffset = 0;
            in.seek(streamPos);
            int b = in.read();
            if (b < 0) return -1;
            Byte p = patches.get(streamPos++);
            return p != null ? p & 0xff : b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            bitOffset = 0;
            in.seek(streamPos);
            int n = in.read(b, off, len);
            if (n <= 0) return n;
            for (Map.Entry<Long, Byte> p : patches.subMap(streamPos, streamPos + n).entrySet()) {
                b[off + (int) (p.getKey() - streamPos)] = p.getValue();
            }
            streamPos += n;
            return n;
        }

        @Override
        public long length() {
            try {
                return in.length();
            } catch (IOException e) {
                return -1;
            }
        }
    }
}
