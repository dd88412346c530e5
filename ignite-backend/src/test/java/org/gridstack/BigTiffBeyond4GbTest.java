package org.gridstack;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.gridstack.array.ArrayMeta;
import org.gridstack.array.DataType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A BigTIFF whose directories, strip offset arrays and pixels all lie beyond 4 GiB (where a classic TIFF's 32-bit
 * offsets cannot reach), written here field by field from the BigTIFF layout into a sparse file (a few kB on disk).
 * Each page has two strips; the pixels read back are the ones written.
 */
class BigTiffBeyond4GbTest {
    private static final int W = 16, H = 12, PAGES = 3, ROWS_PER_STRIP = 6;
    private static final long BASE = 5L << 30;
    private static final short SHORT = 3, LONG8 = 16;

    @TempDir
    Path dir;

    private static int value(int page, int i) {
        return page * 1000 + i * 7;
    }

    @Test
    void pagesBeyondFourGigabytesOpenWithTheirPixels() throws IOException {
        Path file = dir.resolve("beyond-4gb.tif");
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, StandardOpenOption.SPARSE)) {
            long firstIfd = BASE + 200_000;
            put(out, 0, buffer(16).put((byte) 'I').put((byte) 'I').putShort((short) 43).putShort((short) 8).putShort((short) 0).putLong(firstIfd));
            for (int p = 0; p < PAGES; p++) {
                long[] strips = {BASE + p * 4096L, BASE + p * 4096L + 2048};
                int stripBytes = ROWS_PER_STRIP * W * 2;
                for (int s = 0; s < 2; s++) {
                    ByteBuffer pixels = buffer(stripBytes);
                    for (int i = s * ROWS_PER_STRIP * W; i < (s + 1) * ROWS_PER_STRIP * W; i++) pixels.putShort((short) value(p, i));
                    put(out, strips[s], pixels);
                }
                long offsetsAt = BASE + 100_000 + p * 64L, countsAt = offsetsAt + 16;
                put(out, offsetsAt, buffer(16).putLong(strips[0]).putLong(strips[1]));
                put(out, countsAt, buffer(16).putLong(stripBytes).putLong(stripBytes));
                long ifd = firstIfd + p * 1024L;
                ByteBuffer d = buffer(8 + 9 * 20 + 8).putLong(9);
                entry(d, 256, SHORT, 1, W);
                entry(d, 257, SHORT, 1, H);
                entry(d, 258, SHORT, 1, 16);
                entry(d, 259, SHORT, 1, 1);
                entry(d, 262, SHORT, 1, 1);
                entry(d, 273, LONG8, 2, offsetsAt);
                entry(d, 277, SHORT, 1, 1);
                entry(d, 278, SHORT, 1, ROWS_PER_STRIP);
                entry(d, 279, LONG8, 2, countsAt);
                d.putLong(p + 1 < PAGES ? ifd + 1024 : 0);
                put(out, ifd, d);
            }
        }
        assertTrue(Files.size(file) > 4L << 30, "the file is larger than 4 GiB");
        GridStack grid = TestGrid.grid();
        ArrayMeta meta = grid.open("beyond-4gb", file.toString(), 0, -1, 0);
        assertEquals(DataType.UINT16, meta.type());
        assertArrayEquals(new long[] {PAGES, H, W}, meta.grid().shape());
        short[] all = (short[]) grid.frames("beyond-4gb", 0, PAGES);
        for (int p = 0; p < PAGES; p++) {
            for (int i = 0; i < W * H; i++) assertEquals(value(p, i), all[p * W * H + i] & 0xffff, "page " + p + ", pixel " + i);
        }
    }

    private static ByteBuffer buffer(int bytes) {
        return ByteBuffer.allocate(bytes).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** A BigTIFF entry: tag, type, count (8 bytes), then the value inline (a SHORT left-justified) or its offset. */
    private static void entry(ByteBuffer d, int tag, short type, long count, long value) {
        d.putShort((short) tag).putShort(type).putLong(count);
        if (type == SHORT && count == 1) d.putShort((short) value).putShort((short) 0).putInt(0);
        else d.putLong(value);
    }

    private static void put(FileChannel out, long position, ByteBuffer b) throws IOException {
        b.flip();
        while (b.hasRemaining()) position += out.write(b, position);
    }
}
