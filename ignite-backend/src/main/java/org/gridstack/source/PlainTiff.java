package org.gridstack.source;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.gridstack.array.DataType;
import org.gridstack.base.GridStackException;

/**
 * The common case of EM slices read without Image I/O: a page of a TIFF or BigTIFF, either byte order, holding one
 * uncompressed, single-channel image in strips, of a type Grid Stack reads (uint8, uint16, int16, int32, float32; see
 * {@link TiffDirectory#type()}). Its strips are read with one positioned read each, straight into the chunk (8-bit) or
 * through one buffer in the file's byte order (no decode, no intermediate image): in a fresh JVM this is about three
 * times faster than Image I/O's TIFF reader, which must be found, loaded and warmed up first. Stored values are kept
 * as they are: signed samples stay signed, and a WhiteIsZero page keeps its stored values (only a display inverts
 * them). Anything else (compression, tiles, several channels, other sample types) is not a plain TIFF here: {@link #of}
 * returns null and the caller falls back to Image I/O ({@link ImageDecoder}).
 */
final class PlainTiff {
    final SliceFormat format;
    private final ByteOrder order;
    private final long[] stripOffsets;
    private final long[] stripBytes;

    private PlainTiff(SliceFormat format, ByteOrder order, long[] stripOffsets, long[] stripBytes) {
        this.format = format;
        this.order = order;
        this.stripOffsets = stripOffsets;
        this.stripBytes = stripBytes;
    }

    /** The first page's layout if the file is a TIFF whose first page is plain, else null. */
    static PlainTiff open(FileChannel file) throws IOException {
        TiffFile tiff = TiffFile.open(TiffFile.Bytes.of(file), "the file");
        return tiff == null ? null : of(tiff, tiff.page(0), "the file");
    }

    /**
     * The page's layout if it is plain, else null. A page of a type read here whose header claims more pixels than a
     * slice holds fails at once, naming {@code where} and the limit.
     */
    static PlainTiff of(TiffFile tiff, TiffDirectory d, String where) {
        if (d == null) return null;
        DataType type = d.type();
        boolean plain = d.compression == 1 && d.samples == 1 && !d.tiled && type != null && d.width > 0 && d.height > 0
                && d.stripOffsets != null && d.stripBytes != null && d.stripOffsets.length == d.stripBytes.length;
        if (!plain) return null;
        SliceFormat format = SliceFormat.of(d.width, d.height, type, where);
        long total = 0;
        for (long c : d.stripBytes) total += c;
        if (total < format.bytes()) return null; // short strips: let Image I/O say what is wrong
        return new PlainTiff(format, tiff.order, d.stripOffsets, d.stripBytes);
    }

    /** Reads the image into {@code dest} (the primitive array of its type) at element {@code offset}. */
    void read(FileChannel file, Object dest, int offset, String where) throws IOException {
        read(TiffFile.Bytes.of(file), dest, offset, where);
    }

    /** Reads the image into {@code dest} (the primitive array of its type) at element {@code offset}. */
    void read(TiffFile.Bytes file, Object dest, int offset, String where) throws IOException {
        readRows(file, 0, format.height(), dest, offset, where);
    }

    /**
     * Reads rows [row0, row0 + rows) of the image into {@code dest} at element {@code offset}: only the bytes of
     * those rows, from the strips that hold them (strips run through the image in order, each its rows' bytes).
     */
    void readRows(TiffFile.Bytes file, int row0, int rows, Object dest, int offset, String where) throws IOException {
        long rowBytes = (long) format.width() * format.type().bytes();
        long from = row0 * rowBytes, to = from + rows * rowBytes;
        int length = (int) (to - from);
        ByteBuffer into = format.type() == DataType.UINT8 ? ByteBuffer.wrap((byte[]) dest, offset, length)
                : ByteBuffer.allocate(length).order(order);
        int end = into.limit();
        long stripStart = 0;
        for (int s = 0; s < stripOffsets.length && stripStart < to; s++) {
            long stripEnd = stripStart + stripBytes[s];
            if (stripEnd > from) {
                long lo = Math.max(from, stripStart), hi = Math.min(to, stripEnd);
                into.limit((int) (into.position() + (hi - lo)));
                if (!file.read(into, stripOffsets[s] + (lo - stripStart))) {
                    throw new GridStackException("corrupt image: " + where + " (truncated: its pixel data ends early)");
                }
                into.limit(end);
            }
            stripStart = stripEnd;
        }
        if (format.type() == DataType.UINT8) return;
        into.flip();
        format.type().read(into, dest, offset, rows * format.width());
    }

    static FileChannel channel(Path path) throws IOException {
        return FileChannel.open(path, StandardOpenOption.READ);
    }
}
