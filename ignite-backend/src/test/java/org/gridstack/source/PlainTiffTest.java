package org.gridstack.source;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferUShort;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.gridstack.array.DataType;
import org.gridstack.base.GridStackException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plain TIFFs read without Image I/O give exactly the stored values: files written by the JDK's TIFF writer
 * (little-endian strips), and big-endian multi-strip files built byte by byte here (as ImageJ writes them); anything
 * else falls back to Image I/O, and a truncated file fails naming it.
 */
class PlainTiffTest {
    @TempDir
    Path dir;

    private static byte[] bytes(int n, int seed) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) b[i] = (byte) (i * 31 + seed * 7 + (i >> 5));
        return b;
    }

    private Path writeWithImageIo(BufferedImage image, String name, String compression) throws IOException {
        Path file = dir.resolve(name);
        ImageWriter writer = ImageIO.getImageWritersByFormatName("tiff").next();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (compression != null) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionType(compression);
            }
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return file;
    }

    /** A big-endian TIFF of 16-bit pixels in strips of {@code rowsPerStrip} rows, written field by field. */
    private Path writeBigEndian16(short[] pixels, int width, int height, int rowsPerStrip) throws IOException {
        int strips = (height + rowsPerStrip - 1) / rowsPerStrip;
        int dataStart = 8, dataBytes = pixels.length * 2;
        int offsetsAt = dataStart + dataBytes, countsAt = offsetsAt + 4 * strips, ifd = countsAt + 4 * strips;
        ByteBuffer b = ByteBuffer.allocate(ifd + 2 + 8 * 12 + 4).order(ByteOrder.BIG_ENDIAN);
        b.put((byte) 'M').put((byte) 'M').putShort((short) 42).putInt(ifd);
        for (short p : pixels) b.putShort(p);
        for (int s = 0; s < strips; s++) b.putInt(dataStart + s * rowsPerStrip * width * 2);
        for (int s = 0; s < strips; s++) b.putInt(Math.min(rowsPerStrip, height - s * rowsPerStrip) * width * 2);
        b.putShort((short) 8);
        entry(b, 256, 4, 1, width);
        entry(b, 257, 4, 1, height);
        entry(b, 258, 3, 1, 16 << 16);
        entry(b, 259, 3, 1, 1 << 16);
        entry(b, 262, 3, 1, 1 << 16);
        entry(b, 273, 4, strips, offsetsAt);
        entry(b, 278, 4, 1, rowsPerStrip);
        entry(b, 279, 4, strips, countsAt);
        b.putInt(0);
        Path file = dir.resolve("be16.tif");
        Files.write(file, b.array());
        return file;
    }

    /** One directory entry; a SHORT value sits in the upper half of the value field (big-endian). */
    private static void entry(ByteBuffer b, int tag, int type, int count, int value) {
        b.putShort((short) tag).putShort((short) type).putInt(count).putInt(value);
    }

    private static Object readPlain(Path file, SliceFormat expect) throws IOException {
        try (FileChannel channel = PlainTiff.channel(file)) {
            PlainTiff tiff = PlainTiff.open(channel);
            assertNotNull(tiff, file + " is a plain TIFF");
            assertEquals(expect, tiff.format);
            Object dest = expect.type().allocate(expect.pixels() + 5);
            tiff.read(channel, dest, 5, file.toString());
            return dest;
        }
    }

    @Test
    void eightBitFromTheJdkWriterReadsAsStored() throws IOException {
        BufferedImage image = new BufferedImage(37, 23, BufferedImage.TYPE_BYTE_GRAY);
        byte[] pixels = bytes(37 * 23, 1);
        System.arraycopy(pixels, 0, ((DataBufferByte) image.getRaster().getDataBuffer()).getData(), 0, pixels.length);
        Object read = readPlain(writeWithImageIo(image, "u8.tif", null), new SliceFormat(37, 23, DataType.UINT8));
        byte[] got = new byte[pixels.length];
        System.arraycopy(read, 5, got, 0, got.length);
        assertArrayEquals(pixels, got);
    }

    @Test
    void sixteenBitFromTheJdkWriterReadsAsStored() throws IOException {
        BufferedImage image = new BufferedImage(19, 11, BufferedImage.TYPE_USHORT_GRAY);
        short[] pixels = ((DataBufferUShort) image.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < pixels.length; i++) pixels[i] = (short) (i * 977 + 13);
        Object read = readPlain(writeWithImageIo(image, "u16.tif", null), new SliceFormat(19, 11, DataType.UINT16));
        for (int i = 0; i < pixels.length; i++) assertEquals(pixels[i], ((short[]) read)[5 + i], "pixel " + i);
    }

    @Test
    void bigEndianMultiStripReadsAsStored() throws IOException {
        short[] pixels = new short[13 * 10];
        for (int i = 0; i < pixels.length; i++) pixels[i] = (short) (65535 - i * 401);
        Object read = readPlain(writeBigEndian16(pixels, 13, 10, 3), new SliceFormat(13, 10, DataType.UINT16));
        for (int i = 0; i < pixels.length; i++) assertEquals(pixels[i], ((short[]) read)[5 + i], "pixel " + i);
    }

    @Test
    void anyRunOfRowsReadsAsStoredAcrossStrips() throws IOException {
        int width = 13, height = 10;
        short[] pixels = new short[width * height];
        for (int i = 0; i < pixels.length; i++) pixels[i] = (short) (65535 - i * 401);
        FileSliceSource source = new FileSliceSource(List.of(writeBigEndian16(pixels, width, height, 3).toString()), "one file");
        SliceFormat format = source.probe();
        for (int row0 = 0; row0 < height; row0++) {
            for (int rows = 1; row0 + rows <= height; rows++) {
                short[] got = new short[rows * width + 2];
                source.readRows(0, row0, rows, format, got, 2);
                for (int i = 0; i < rows * width; i++) assertEquals(pixels[row0 * width + i], got[2 + i], "rows " + row0 + "+" + rows + ", pixel " + i);
            }
        }
    }

    @Test
    void rowsOfAnEightBitFileAndOfACompressedOneReadAsStored() throws IOException {
        BufferedImage image = new BufferedImage(37, 23, BufferedImage.TYPE_BYTE_GRAY);
        byte[] pixels = bytes(37 * 23, 2);
        System.arraycopy(pixels, 0, ((DataBufferByte) image.getRaster().getDataBuffer()).getData(), 0, pixels.length);
        for (String compression : new String[] {null, "LZW"}) {
            Path file = writeWithImageIo(image, "rows-" + compression + ".tif", compression);
            FileSliceSource source = new FileSliceSource(List.of(file.toString()), "one file");
            byte[] got = new byte[9 * 37];
            source.readRows(0, 11, 9, source.probe(), got, 0);
            assertArrayEquals(Arrays.copyOfRange(pixels, 11 * 37, 20 * 37), got, "compression " + compression);
        }
    }

    @Test
    void compressedFilesAreLeftToImageIo() throws IOException {
        BufferedImage image = new BufferedImage(16, 16, BufferedImage.TYPE_BYTE_GRAY);
        Path lzw = writeWithImageIo(image, "lzw.tif", "LZW");
        try (FileChannel channel = PlainTiff.channel(lzw)) {
            assertNull(PlainTiff.open(channel));
        }
        FileSliceSource source = new FileSliceSource(List.of(lzw.toString()), "one file");
        assertEquals(new SliceFormat(16, 16, DataType.UINT8), source.probe());
    }

    @Test
    void aTruncatedFileFailsNamingIt() throws IOException {
        short[] pixels = new short[13 * 10];
        Path file = writeBigEndian16(pixels, 13, 10, 5);
        byte[] whole = Files.readAllBytes(file);
        // keep the directory (at the end) readable but cut into the pixel data by moving it: rewrite with a bad offset
        ByteBuffer b = ByteBuffer.wrap(whole).order(ByteOrder.BIG_ENDIAN);
        int ifd = b.getInt(4), offsetsAt = b.getInt(ifd + 2 + 5 * 12 + 8);
        b.putInt(offsetsAt + 4, whole.length - 10);
        Files.write(file, whole);
        FileSliceSource source = new FileSliceSource(List.of(file.toString()), "one file");
        SliceFormat format = source.probe();
        GridStackException e = assertThrows(GridStackException.class, () -> source.read(0, 1, format, format.type().allocate(format.pixels())));
        assertTrue(e.getMessage().startsWith("corrupt image: " + file), e.getMessage());
    }
}
