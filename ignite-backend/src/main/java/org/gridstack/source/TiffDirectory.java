package org.gridstack.source;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.gridstack.array.DataType;
import org.gridstack.base.GridStackException;

/**
 * The fields of one TIFF directory (page) that say what its pixels are and where they lie. A field that is absent
 * has the TIFF 6.0 default; one that cannot be read is -1.
 */
final class TiffDirectory {
    private static final int WIDTH = 256, HEIGHT = 257, BITS = 258, COMPRESSION = 259, PHOTOMETRIC = 262,
            STRIP_OFFSETS = 273, SAMPLES = 277, STRIP_BYTES = 279, PLANAR = 284, TILE_WIDTH = 322, SAMPLE_FORMAT = 339,
            DESCRIPTION = 270, X_RESOLUTION = 282, Y_RESOLUTION = 283, RESOLUTION_UNIT = 296;

    /** The photometric interpretation whose stored 0 is white; its values are kept as stored (README). */
    static final int WHITE_IS_ZERO = 0;

    long width, height, bits = 1, compression = 1, samples = 1, planar = 1, sampleFormat = 1, photometric = -1;
    /** File position of the photometric field's value (a SHORT), or -1. */
    long photometricAt = -1;
    long[] stripOffsets, stripBytes;
    boolean tiled;
    /** What the page says of its calibration (see {@link TiffCalibration}): absent fields are null, 0 or -1. */
    String description;
    double xResolution, yResolution;
    long resolutionUnit = -1;

    private TiffDirectory() {}

    /** The directory at {@code ifd}, or null if it cannot be read. */
    static TiffDirectory read(TiffFile file, long ifd) throws IOException {
        boolean big = file.big;
        ByteOrder order = file.order;
        int countSize = big ? 8 : 2, entrySize = big ? 20 : 12;
        ByteBuffer count = TiffFile.read(file.bytes, ifd, countSize);
        if (count == null) return null;
        count.order(order);
        long entries = big ? count.getLong(0) : count.getShort(0) & 0xffff;
        if (entries < 0 || entries > 1 << 20) return null;
        ByteBuffer dir = TiffFile.read(file.bytes, ifd + countSize, entries * entrySize);
        if (dir == null) return null;
        dir.order(order);
        TiffDirectory d = new TiffDirectory();
        for (int e = 0; e < entries; e++) {
            int at = e * entrySize, tag = dir.getShort(at) & 0xffff;
            switch (tag) {
                case WIDTH: d.width = first(file, dir, at); break;
                case HEIGHT: d.height = first(file, dir, at); break;
                case BITS: d.bits = first(file, dir, at); break;
                case COMPRESSION: d.compression = first(file, dir, at); break;
                case PHOTOMETRIC:
                    d.photometric = first(file, dir, at);
                    if ((dir.getShort(at + 2) & 0xffff) == 3) d.photometricAt = ifd + countSize + at + (big ? 12 : 8);
                    break;
                case SAMPLES: d.samples = first(file, dir, at); break;
                case PLANAR: d.planar = first(file, dir, at); break;
                case SAMPLE_FORMAT: d.sampleFormat = first(file, dir, at); break;
                case STRIP_OFFSETS: d.stripOffsets = values(file, dir, at); break;
                case STRIP_BYTES: d.stripBytes = values(file, dir, at); break;
                case TILE_WIDTH: d.tiled = true; break;
                case DESCRIPTION: d.description = ascii(file, dir, at); break;
                case X_RESOLUTION: d.xResolution = rational(file, dir, at); break;
                case Y_RESOLUTION: d.yResolution = rational(file, dir, at); break;
                case RESOLUTION_UNIT: d.resolutionUnit = first(file, dir, at); break;
                default: break;
            }
        }
        return d;
    }

    /**
     * The pixel type of this page's samples, or null for one Grid Stack does not read: uint8, uint16 (SampleFormat 1
     * or absent), int16, int32 (SampleFormat 2) and float32 (SampleFormat 3) are read.
     */
    DataType type() {
        if (sampleFormat == 1 && bits == 8) return DataType.UINT8;
        if (sampleFormat == 1 && bits == 16) return DataType.UINT16;
        if (sampleFormat == 2 && bits == 16) return DataType.INT16;
        if (sampleFormat == 2 && bits == 32) return DataType.INT32;
        if (sampleFormat == 3 && bits == 32) return DataType.FLOAT32;
        return null;
    }

    /** The format of a single-channel page of a type Grid Stack reads, else a failure that says what the page is. */
    SliceFormat format(String where) {
        if (samples != 1) {
            throw new GridStackException(where + " has " + samples + " channels of " + bits + " bits; " + ImageDecoder.READS);
        }
        DataType type = type();
        if (type == null) throw new GridStackException(where + " has " + describeSamples() + " samples; " + ImageDecoder.READS);
        return SliceFormat.of(width, height, type, where);
    }

    /** E.g. "32-bit unsigned integer", "64-bit float". */
    String describeSamples() {
        String kind = sampleFormat == 1 ? "unsigned integer" : sampleFormat == 2 ? "signed integer"
                : sampleFormat == 3 ? "float" : "SampleFormat " + sampleFormat;
        return bits + "-bit " + kind;
    }

    private static long first(TiffFile file, ByteBuffer dir, int at) throws IOException {
        long[] v = values(file, dir, at);
        return v == null ? -1 : v[0];
    }

    /** The values of an entry of type SHORT, LONG or LONG8 (one inline, several at an offset); null otherwise. */
    private static long[] values(TiffFile file, ByteBuffer dir, int at) throws IOException {
        boolean big = file.big;
        int type = dir.getShort(at + 2) & 0xffff;
        long n = big ? dir.getLong(at + 4) : dir.getInt(at + 4) & 0xffffffffL;
        int size = type == 3 ? 2 : type == 4 ? 4 : type == 16 ? 8 : 0;
        int field = big ? 8 : 4, valueAt = at + (big ? 12 : 8);
        if (size == 0 || n < 1 || n > (1 << 24)) return null;
        ByteBuffer values;
        if (n * size <= field) {
            values = dir.duplicate().position(valueAt).slice();
        } else {
            long offset = big ? dir.getLong(valueAt) : dir.getInt(valueAt) & 0xffffffffL;
            values = TiffFile.read(file.bytes, offset, n * size);
            if (values == null) return null;
        }
        values.order(file.order);
        long[] out = new long[(int) n];
        for (int i = 0; i < n; i++) {
            out[i] = size == 2 ? values.getShort(i * 2) & 0xffff : size == 4 ? values.getInt(i * 4) & 0xffffffffL : values.getLong(i * 8);
        }
        return out;
    }

    /** The text of an ASCII entry (up to its first NUL), or null. */
    private static String ascii(TiffFile file, ByteBuffer dir, int at) throws IOException {
        ByteBuffer b = bytesOf(file, dir, at, 2, 1);
        if (b == null) return null;
        byte[] text = new byte[b.remaining()];
        b.get(text);
        int end = 0;
        while (end < text.length && text[end] != 0) end++;
        return new String(text, 0, end, StandardCharsets.UTF_8);
    }

    /** The first value of a RATIONAL entry, or 0 if it is not one or its denominator is 0. */
    private static double rational(TiffFile file, ByteBuffer dir, int at) throws IOException {
        ByteBuffer b = bytesOf(file, dir, at, 5, 8);
        if (b == null) return 0;
        long numerator = b.getInt(0) & 0xffffffffL, denominator = b.getInt(4) & 0xffffffffL;
        return denominator == 0 ? 0 : (double) numerator / denominator;
    }

    /** The value bytes of an entry of TIFF type {@code type} ({@code size} bytes each), inline or at its offset; else null. */
    private static ByteBuffer bytesOf(TiffFile file, ByteBuffer dir, int at, int type, int size) throws IOException {
        boolean big = file.big;
        if ((dir.getShort(at + 2) & 0xffff) != type) return null;
        long n = big ? dir.getLong(at + 4) : dir.getInt(at + 4) & 0xffffffffL;
        if (n < 1 || n * size > MAX_TEXT) return null;
        int field = big ? 8 : 4, valueAt = at + (big ? 12 : 8);
        ByteBuffer values;
        if (n * size <= field) {
            values = dir.duplicate().position(valueAt).limit(valueAt + (int) (n * size)).slice();
        } else {
            long offset = big ? dir.getLong(valueAt) : dir.getInt(valueAt) & 0xffffffffL;
            values = TiffFile.read(file.bytes, offset, n * size);
        }
        return values == null ? null : values.order(file.order);
    }

    /** OME-XML of a large multi-file series can be megabytes; anything beyond this is not read. */
    private static final long MAX_TEXT = 64L << 20;
}
