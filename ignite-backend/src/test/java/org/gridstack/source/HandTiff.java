package org.gridstack.source;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.Deflater;

/**
 * TIFF files built byte by byte from the TIFF 6.0 and BigTIFF layouts, with no image library in between: classic
 * (magic 42, 12-byte entries, 4-byte offsets) or BigTIFF (magic 43, 20-byte entries, 8-byte offsets), either byte
 * order, strips of any height (uncompressed or zlib-compressed), one page per frame, any sample type and photometric
 * interpretation.
 * Values are given as doubles and stored as the sample type says (the test's own independent expectation).
 */
public final class HandTiff {
    /** A sample type: bits per sample and the SampleFormat tag (1 unsigned, 2 signed, 3 IEEE float). */
    public enum Sample {
        U8(8, 1), I8(8, 2), U16(16, 1), I16(16, 2), U32(32, 1), I32(32, 2), F32(32, 3), F64(64, 3);

        final int bits;
        final int format;

        Sample(int bits, int format) {
            this.bits = bits;
            this.format = format;
        }

        int bytes() {
            return bits / 8;
        }

        void put(ByteBuffer b, double v) {
            switch (this) {
                case U8: case I8: b.put((byte) (long) v); break;
                case U16: case I16: b.putShort((short) (long) v); break;
                case U32: case I32: b.putInt((int) (long) v); break;
                case F32: b.putFloat((float) v); break;
                default: b.putDouble(v);
            }
        }
    }

    public static final int BLACK_IS_ZERO = 1, WHITE_IS_ZERO = 0;

    private ByteOrder order = ByteOrder.LITTLE_ENDIAN;
    private boolean big;
    private int width;
    private int height;
    private Sample sample = Sample.U8;
    private int photometric = BLACK_IS_ZERO;
    private int rowsPerStrip = Integer.MAX_VALUE;
    private boolean writeSampleFormat = true;
    private int compression = 1;
    private boolean deflate;
    private long claimedWidth = -1, claimedHeight = -1;
    private String description;
    private long[] xResolution, yResolution;
    private int resolutionUnit;
    private final List<double[]> pages = new ArrayList<>();

    public HandTiff(int width, int height, Sample sample) {
        this.width = width;
        this.height = height;
        this.sample = sample;
    }

    public HandTiff bigEndian() {
        order = ByteOrder.BIG_ENDIAN;
        return this;
    }

    public HandTiff bigTiff() {
        big = true;
        return this;
    }

    public HandTiff photometric(int p) {
        photometric = p;
        return this;
    }

    public HandTiff rowsPerStrip(int rows) {
        rowsPerStrip = rows;
        return this;
    }

    /** Leaves the SampleFormat tag out (readers must then take samples as unsigned). */
    public HandTiff withoutSampleFormat() {
        writeSampleFormat = false;
        return this;
    }

    /** Writes this Compression tag value (the data stays as given: for tests of what is refused or passed on). */
    public HandTiff compression(int c) {
        compression = c;
        return this;
    }

    /** Compresses each strip with zlib (TIFF compression 8, Adobe Deflate), so that only Image I/O reads it. */
    public HandTiff deflate() {
        deflate = true;
        compression = 8;
        return this;
    }

    /** Writes these sizes in the header instead of the real ones (the pixel data stays as given). */
    public HandTiff claimSize(long w, long h) {
        claimedWidth = w;
        claimedHeight = h;
        return this;
    }

    /** An ImageDescription (ASCII) on the first page, as ImageJ and OME-TIFF writers put it. */
    public HandTiff description(String text) {
        description = text;
        return this;
    }

    /** XResolution and YResolution (RATIONAL numerator / denominator, pixels per unit) and ResolutionUnit on every page. */
    public HandTiff resolution(long xNumerator, long xDenominator, long yNumerator, long yDenominator, int unit) {
        xResolution = new long[] {xNumerator, xDenominator};
        yResolution = new long[] {yNumerator, yDenominator};
        resolutionUnit = unit;
        return this;
    }

    /** One page (frame), row-major height x width. */
    public HandTiff page(double[] values) {
        if (values.length != width * height) throw new IllegalArgumentException("page of " + values.length + " values");
        pages.add(values.clone());
        return this;
    }

    public Path write(Path file) throws IOException {
        Files.write(file, bytes());
        return file;
    }

    public byte[] bytes() {
        int rows = Math.min(rowsPerStrip, height);
        int strips = (height + rows - 1) / rows;
        int offsetSize = big ? 8 : 4, entrySize = big ? 20 : 12, countSize = big ? 8 : 2;
        byte[] text = description == null ? null : (description + "\0").getBytes(StandardCharsets.UTF_8);
        int entries = (writeSampleFormat ? 10 : 9) + (xResolution != null ? 3 : 0);
        long perPage = (long) width * height * sample.bytes() + 2L * strips * offsetSize + countSize + (long) (entries + 1) * entrySize
                + offsetSize + 40 + (deflate ? 64L * strips + width * height * sample.bytes() / 100 : 0);
        ByteBuffer b = ByteBuffer.allocate((int) (16 + (text == null ? 0 : text.length) + pages.size() * perPage)).order(order);
        b.put((byte) (order == ByteOrder.LITTLE_ENDIAN ? 'I' : 'M')).put((byte) (order == ByteOrder.LITTLE_ENDIAN ? 'I' : 'M'));
        int nextAt;
        if (big) {
            b.putShort((short) 43).putShort((short) 8).putShort((short) 0);
            nextAt = b.position();
            b.putLong(0);
        } else {
            b.putShort((short) 42);
            nextAt = b.position();
            b.putInt(0);
        }
        boolean firstPage = true;
        for (double[] page : pages) {
            boolean described = firstPage && text != null;
            firstPage = false;
            long textAt = -1, resolutionAt = -1;
            if (described) {
                textAt = b.position();
                b.put(text);
            }
            if (xResolution != null) {
                if (b.position() % 2 != 0) b.put((byte) 0);
                resolutionAt = b.position();
                b.putInt((int) xResolution[0]).putInt((int) xResolution[1]).putInt((int) yResolution[0]).putInt((int) yResolution[1]);
            }
            long[] offsets = new long[strips], counts = new long[strips];
            for (int s = 0; s < strips; s++) {
                offsets[s] = b.position();
                int r0 = s * rows, r1 = Math.min(height, r0 + rows);
                ByteBuffer strip = ByteBuffer.allocate((r1 - r0) * width * sample.bytes()).order(order);
                for (int i = r0 * width; i < r1 * width; i++) sample.put(strip, page[i]);
                b.put(deflate ? zlib(strip.array()) : strip.array());
                counts[s] = b.position() - offsets[s];
            }
            long offsetsAt = strips == 1 ? -1 : array(b, offsets, big);
            long countsAt = strips == 1 ? -1 : array(b, counts, big);
            if (b.position() % 2 != 0) b.put((byte) 0); // IFDs start on a word boundary
            int ifd = b.position();
            int pageEntries = entries + (described ? 1 : 0);
            if (big) b.putLong(nextAt, ifd).putLong(pageEntries);
            else b.putInt(nextAt, ifd).putShort((short) pageEntries);
            entry(b, 256, 4, 1, claimedWidth >= 0 ? claimedWidth : width);
            entry(b, 257, 4, 1, claimedHeight >= 0 ? claimedHeight : height);
            entry(b, 258, 3, 1, sample.bits);
            entry(b, 259, 3, 1, compression);
            entry(b, 262, 3, 1, photometric);
            if (described) bytesEntry(b, 270, 2, text, textAt);
            entry(b, 273, big ? 16 : 4, strips, strips == 1 ? offsets[0] : offsetsAt);
            entry(b, 277, 3, 1, 1);
            entry(b, 278, 4, 1, rows);
            entry(b, 279, big ? 16 : 4, strips, strips == 1 ? counts[0] : countsAt);
            if (xResolution != null) {
                ByteBuffer x = ByteBuffer.allocate(8).order(order).putInt((int) xResolution[0]).putInt((int) xResolution[1]);
                ByteBuffer y = ByteBuffer.allocate(8).order(order).putInt((int) yResolution[0]).putInt((int) yResolution[1]);
                bytesEntry(b, 282, 5, x.array(), resolutionAt);
                bytesEntry(b, 283, 5, y.array(), resolutionAt + 8);
                entry(b, 296, 3, 1, resolutionUnit);
            }
            if (writeSampleFormat) entry(b, 339, 3, 1, sample.format);
            nextAt = b.position();
            if (big) b.putLong(0);
            else b.putInt(0);
        }
        byte[] out = new byte[b.position()];
        b.flip().get(out);
        return out;
    }

    private static byte[] zlib(byte[] data) {
        Deflater deflater = new Deflater();
        deflater.setInput(data);
        deflater.finish();
        byte[] out = new byte[data.length + data.length / 100 + 64];
        int n = deflater.deflate(out);
        if (!deflater.finished()) throw new IllegalStateException("deflate buffer too small");
        deflater.end();
        return java.util.Arrays.copyOf(out, n);
    }

    private static long array(ByteBuffer b, long[] values, boolean big) {
        long at = b.position();
        for (long v : values) {
            if (big) b.putLong(v);
            else b.putInt((int) v);
        }
        return at;
    }

    /** An entry of bytes already written at {@code at} (ASCII: one per character; RATIONAL: 8 per value): inline if they fit. */
    private void bytesEntry(ByteBuffer b, int tag, int type, byte[] data, long at) {
        int unit = type == 5 ? 8 : 1;
        b.putShort((short) tag).putShort((short) type);
        if (big) b.putLong(data.length / unit);
        else b.putInt(data.length / unit);
        int field = big ? 8 : 4, start = b.position();
        if (data.length <= field) b.put(data);
        else if (big) b.putLong(at);
        else b.putInt((int) at);
        while (b.position() < start + field) b.put((byte) 0);
    }

    /** One directory entry. A single SHORT or LONG value sits inline, left-justified; {@code value} is else the offset. */
    private void entry(ByteBuffer b, int tag, int type, long count, long value) {
        b.putShort((short) tag).putShort((short) type);
        if (big) b.putLong(count);
        else b.putInt((int) count);
        int field = big ? 8 : 4, start = b.position();
        if (count == 1 && type == 3) b.putShort((short) value);
        else if (count == 1 && type == 4) b.putInt((int) value);
        else if (big) b.putLong(value);
        else b.putInt((int) value);
        while (b.position() < start + field) b.put((byte) 0);
    }
}
