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
 * The common case of EM slices read without Image I/O: a classic TIFF holding one uncompressed, single-channel,
 * unsigned 8- or 16-bit image in strips. Its strips are read with one positioned read each, straight into the chunk
 * (no decode, no intermediate image): in a fresh JVM this is about three times faster than Image I/O's TIFF reader,
 * which must be found, loaded and warmed up first. Stored values are kept as they are (also for WhiteIsZero).
 * Anything else (compression, BigTIFF, several channels, tiles, signed or float samples) is not a plain TIFF here:
 * {@link #open} returns null and the caller falls back to Image I/O.
 */
final class PlainTiff {
    private static final int WIDTH = 256, HEIGHT = 257, BITS = 258, COMPRESSION = 259, STRIP_OFFSETS = 273,
            SAMPLES = 277, STRIP_BYTES = 279, PLANAR = 284, TILE_WIDTH = 322, SAMPLE_FORMAT = 339;

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

    /** The file's layout if it is a plain TIFF, else null. */
    static PlainTiff open(FileChannel file) throws IOException {
        ByteBuffer head = read(file, 0, 8);
        if (head == null) return null;
        ByteOrder order;
        if (head.get(0) == 'I' && head.get(1) == 'I') order = ByteOrder.LITTLE_ENDIAN;
        else if (head.get(0) == 'M' && head.get(1) == 'M') order = ByteOrder.BIG_ENDIAN;
        else return null;
        head.order(order);
        if (head.getShort(2) != 42) return null; // 43 is BigTIFF
        long ifd = head.getInt(4) & 0xffffffffL;
        ByteBuffer count = read(file, ifd, 2);
        if (count == null) return null;
        int entries = count.order(order).getShort(0) & 0xffff;
        ByteBuffer dir = read(file, ifd + 2, entries * 12);
        if (dir == null) return null;
        dir.order(order);
        long width = 0, height = 0, bits = 1, compression = 1, samples = 1, planar = 1, sampleFormat = 1;
        long[] offsets = null, counts = null;
        for (int e = 0; e < entries; e++) {
            int at = e * 12, tag = dir.getShort(at) & 0xffff;
            switch (tag) {
                case WIDTH: width = value(file, dir, at, order)[0]; break;
                case HEIGHT: height = value(file, dir, at, order)[0]; break;
                case BITS: bits = value(file, dir, at, order)[0]; break;
                case COMPRESSION: compression = value(file, dir, at, order)[0]; break;
                case SAMPLES: samples = value(file, dir, at, order)[0]; break;
                case PLANAR: planar = value(file, dir, at, order)[0]; break;
                case SAMPLE_FORMAT: sampleFormat = value(file, dir, at, order)[0]; break;
                case STRIP_OFFSETS: offsets = value(file, dir, at, order); break;
                case STRIP_BYTES: counts = value(file, dir, at, order); break;
                case TILE_WIDTH: return null;
                default: break;
            }
        }
        boolean plain = compression == 1 && samples == 1 && planar == 1 && sampleFormat == 1 && (bits == 8 || bits == 16)
                && width > 0 && height > 0 && offsets != null && counts != null && offsets.length == counts.length
                && width * height <= Integer.MAX_VALUE;
        if (!plain) return null;
        DataType type = bits == 8 ? DataType.UINT8 : DataType.UINT16;
        SliceFormat format = new SliceFormat((int) width, (int) height, type);
        long total = 0;
        for (long c : counts) total += c;
        if (total < format.bytes()) return null; // short strips: let Image I/O say what is wrong
        return new PlainTiff(format, order, offsets, counts);
    }

    /** Reads the image into {@code dest} (the primitive array of its type) at element {@code offset}. */
    void read(FileChannel file, Object dest, int offset, String where) throws IOException {
        long remaining = format.bytes();
        if (format.type() == DataType.UINT8) {
            int end = offset + (int) remaining;
            ByteBuffer into = ByteBuffer.wrap((byte[]) dest, offset, (int) remaining);
            for (int s = 0; s < stripOffsets.length && into.hasRemaining(); s++) {
                into.limit((int) Math.min(end, into.position() + stripBytes[s]));
                fill(file, into, stripOffsets[s], where);
                into.limit(end);
            }
            return;
        }
        ByteBuffer bytes = ByteBuffer.allocate((int) remaining).order(order);
        for (int s = 0; s < stripOffsets.length && bytes.hasRemaining(); s++) {
            bytes.limit((int) Math.min(bytes.capacity(), bytes.position() + stripBytes[s]));
            fill(file, bytes, stripOffsets[s], where);
            bytes.limit(bytes.capacity());
        }
        bytes.flip();
        bytes.asShortBuffer().get((short[]) dest, offset, format.pixels());
    }

    private static void fill(FileChannel file, ByteBuffer into, long position, String where) throws IOException {
        while (into.hasRemaining()) {
            int n = file.read(into, position);
            if (n < 0) throw new GridStackException("corrupt image: " + where + " (truncated: its pixel data ends early)");
            position += n;
        }
    }

    /** The values of a directory entry (SHORT or LONG; one inline, several at an offset). */
    private static long[] value(FileChannel file, ByteBuffer dir, int at, ByteOrder order) throws IOException {
        int type = dir.getShort(at + 2) & 0xffff;
        long n = dir.getInt(at + 4) & 0xffffffffL;
        int size = type == 3 ? 2 : type == 4 ? 4 : 0;
        if (size == 0 || n < 1 || n > (1 << 24)) return new long[] {-1};
        ByteBuffer values = n * size <= 4 ? dir.duplicate().order(order).position(at + 8).slice().order(order)
                : read(file, dir.getInt(at + 8) & 0xffffffffL, (int) (n * size));
        if (values == null) return new long[] {-1};
        values.order(order);
        long[] out = new long[(int) n];
        for (int i = 0; i < n; i++) out[i] = size == 2 ? values.getShort(i * 2) & 0xffff : values.getInt(i * 4) & 0xffffffffL;
        return out;
    }

    private static ByteBuffer read(FileChannel file, long position, int length) throws IOException {
        if (length < 0 || position < 0 || position + length > file.size()) return null;
        ByteBuffer b = ByteBuffer.allocate(length);
        while (b.hasRemaining()) {
            if (file.read(b, position + b.position()) < 0) return null;
        }
        return b.flip();
    }

    static FileChannel channel(Path path) throws IOException {
        return FileChannel.open(path, StandardOpenOption.READ);
    }
}
