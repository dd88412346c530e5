package org.gridstack.source;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferUShort;
import java.awt.image.SampleModel;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.stream.ImageInputStream;
import org.gridstack.base.GridStackException;
import org.gridstack.array.DataType;

/**
 * Decodes grey 8- and 16-bit TIFF, PNG and JPEG slices with the JDK's Image I/O, into a per-thread reusable
 * image (fresh buffers cost page faults) that is then copied into the chunk.
 */
final class ImageDecoder {
    private static final ThreadLocal<BufferedImage> SCRATCH = new ThreadLocal<>();

    private ImageDecoder() {}

    /** A reader positioned on {@code in}; the caller disposes it. */
    static ImageReader open(ImageInputStream in, String where) {
        if (in == null) throw new GridStackException("cannot read " + where);
        Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
        if (!readers.hasNext()) {
            throw new GridStackException("corrupt or unsupported image: " + where + " (not a TIFF, PNG or JPEG file)");
        }
        ImageReader reader = readers.next();
        reader.setInput(in, false, true);
        return reader;
    }

    static SliceFormat format(ImageReader reader, int page, String where) {
        try {
            int w = reader.getWidth(page);
            int h = reader.getHeight(page);
            ImageTypeSpecifier spec = reader.getRawImageType(page);
            if (spec == null) spec = reader.getImageTypes(page).next();
            SampleModel sm = spec.getSampleModel();
            int bits = sm.getSampleSize(0);
            if (sm.getNumBands() == 1 && bits == 8) return new SliceFormat(w, h, DataType.UINT8);
            if (sm.getNumBands() == 1 && bits == 16) return new SliceFormat(w, h, DataType.UINT16);
            throw new GridStackException(where + " has " + sm.getNumBands() + " channel(s) of " + bits
                    + " bits; Grid Stack reads single-channel 8-bit or 16-bit grey images");
        } catch (IOException | RuntimeException e) {
            if (e instanceof GridStackException) throw (GridStackException) e;
            throw corrupt(where, e);
        }
    }

    /** Decodes one page into dest at element offset {@code offset}, after checking it has {@code expect}'s format. */
    static void decode(ImageReader reader, int page, SliceFormat expect, Object dest, int offset, String where) {
        check(format(reader, page, where), expect, where);
        BufferedImage scratch = scratch(expect);
        ImageReadParam param = reader.getDefaultReadParam();
        param.setDestination(scratch);
        try {
            reader.read(page, param);
        } catch (IOException | RuntimeException e) {
            throw corrupt(where, e);
        }
        Object pixels = expect.type() == DataType.UINT8
                ? ((DataBufferByte) scratch.getRaster().getDataBuffer()).getData()
                : ((DataBufferUShort) scratch.getRaster().getDataBuffer()).getData();
        System.arraycopy(pixels, 0, dest, offset, expect.pixels());
    }

    /** Every slice must be of the first slice's size and type. */
    static void check(SliceFormat actual, SliceFormat expect, String where) {
        if (!actual.equals(expect)) {
            throw new GridStackException("slice size or type differs: " + where + " is " + actual
                    + ", expected " + expect + " like the first slice");
        }
    }

    private static BufferedImage scratch(SliceFormat f) {
        int type = f.type() == DataType.UINT8 ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_USHORT_GRAY;
        BufferedImage img = SCRATCH.get();
        if (img == null || img.getWidth() != f.width() || img.getHeight() != f.height() || img.getType() != type) {
            img = new BufferedImage(f.width(), f.height(), type);
            SCRATCH.set(img);
        }
        return img;
    }

    private static GridStackException corrupt(String where, Exception e) {
        String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new GridStackException("corrupt image: " + where + " (" + why + ")", e);
    }
}
