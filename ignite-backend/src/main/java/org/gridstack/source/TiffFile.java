package org.gridstack.source;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.gridstack.base.GridStackException;

/**
 * The header and directory chain of a TIFF, classic (magic 42: 4-byte offsets) or BigTIFF (magic 43: 8-byte
 * offsets), read with positioned reads of a file or of bytes in memory; no pixels. Pages are the directories (IFDs)
 * in chain order, as Image I/O numbers them. The chain is walked once as far as asked, and a chain that loops or
 * points outside the file is a corrupt file, not a shorter stack.
 */
final class TiffFile {
    /** Positioned reads of a file or a byte array. */
    interface Bytes {
        long size() throws IOException;

        /** Reads {@code into}'s remaining bytes from {@code position}; false if the data ends first. */
        boolean read(ByteBuffer into, long position) throws IOException;

        static Bytes of(FileChannel file) {
            return new Bytes() {
                @Override
                public long size() throws IOException {
                    return file.size();
                }

                @Override
                public boolean read(ByteBuffer into, long position) throws IOException {
                    while (into.hasRemaining()) {
                        int n = file.read(into, position);
                        if (n < 0) return false;
                        position += n;
                    }
                    return true;
                }
            };
        }

        static Bytes of(byte[] data) {
            return new Bytes() {
                @Override
                public long size() {
                    return data.length;
                }

                @Override
                public boolean read(ByteBuffer into, long position) {
                    if (position < 0 || position > data.length) return false;
                    int n = (int) Math.min(into.remaining(), data.length - position);
                    into.put(data, (int) position, n);
                    return !into.hasRemaining();
                }
            };
        }
    }

    final Bytes bytes;
    final ByteOrder order;
    final boolean big;
    private final String where;
    private final List<Long> offsets = new ArrayList<>();
    private final Set<Long> seen = new HashSet<>();
    private boolean ended;

    private TiffFile(Bytes bytes, ByteOrder order, boolean big, long first, String where) {
        this.bytes = bytes;
        this.order = order;
        this.big = big;
        this.where = where;
        add(first);
    }

    /** The file's TIFF structure, or null if it does not start like a TIFF or a BigTIFF. */
    static TiffFile open(Bytes bytes, String where) throws IOException {
        ByteBuffer head = read(bytes, 0, 16);
        if (head == null) head = read(bytes, 0, 8);
        if (head == null) return null;
        ByteOrder order;
        if (head.get(0) == 'I' && head.get(1) == 'I') order = ByteOrder.LITTLE_ENDIAN;
        else if (head.get(0) == 'M' && head.get(1) == 'M') order = ByteOrder.BIG_ENDIAN;
        else return null;
        head.order(order);
        int magic = head.getShort(2);
        if (magic == 42) return new TiffFile(bytes, order, false, head.getInt(4) & 0xffffffffL, where);
        if (magic != 43 || head.capacity() < 16 || head.getShort(4) != 8 || head.getShort(6) != 0) return null;
        return new TiffFile(bytes, order, true, head.getLong(8), where);
    }

    /** Whether the bytes start like a BigTIFF (magic 43). */
    static boolean isBigTiff(byte[] head) {
        return head.length >= 4 && (head[0] == 'I' && head[1] == 'I' && head[2] == 43 && head[3] == 0
                || head[0] == 'M' && head[1] == 'M' && head[2] == 0 && head[3] == 43);
    }

    /** Number of pages: walks the whole chain. */
    int pageCount() throws IOException {
        while (!ended) walk();
        return offsets.size();
    }

    /** The directory of page {@code page}, or null if it cannot be read as one (the caller lets Image I/O say why). */
    TiffDirectory page(int page) throws IOException {
        while (offsets.size() <= page && !ended) walk();
        if (page >= offsets.size()) {
            throw new GridStackException("corrupt image: " + where + " has " + offsets.size() + " pages, not " + (page + 1));
        }
        return TiffDirectory.read(this, offsets.get(page));
    }

    /** Follows the chain one directory further. */
    private void walk() throws IOException {
        long ifd = offsets.get(offsets.size() - 1);
        int countSize = big ? 8 : 2, entrySize = big ? 20 : 12, offsetSize = big ? 8 : 4;
        ByteBuffer count = read(bytes, ifd, countSize);
        if (count == null) throw corrupt("directory " + offsets.size() + " at offset " + ifd + " is beyond the end of the file");
        count.order(order);
        long entries = big ? count.getLong(0) : count.getShort(0) & 0xffff;
        if (entries < 0 || entries > 1 << 20) throw corrupt("directory " + offsets.size() + " claims " + entries + " entries");
        ByteBuffer next = read(bytes, ifd + countSize + entries * entrySize, offsetSize);
        if (next == null) throw corrupt("directory " + offsets.size() + " at offset " + ifd + " ends beyond the end of the file");
        next.order(order);
        long following = big ? next.getLong(0) : next.getInt(0) & 0xffffffffL;
        if (following == 0) {
            ended = true;
            return;
        }
        add(following);
    }

    private void add(long ifd) {
        if (ifd <= 0 || !seen.add(ifd)) {
            throw corrupt(ifd <= 0 ? "directory offset " + ifd : "its directories loop (offset " + ifd + " twice)");
        }
        offsets.add(ifd);
    }

    private GridStackException corrupt(String why) {
        return new GridStackException("corrupt image: " + where + " (" + why + ")");
    }

    /** {@code length} bytes at {@code position}, or null if the data ends first. */
    static ByteBuffer read(Bytes bytes, long position, long length) throws IOException {
        if (length < 0 || length > Integer.MAX_VALUE || position < 0) return null;
        ByteBuffer b = ByteBuffer.allocate((int) length);
        return bytes.read(b, position) ? b.flip() : null;
    }
}
