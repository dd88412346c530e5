package org.gridstack;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferUShort;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.gridstack.array.ArrayMeta;
import org.gridstack.array.DataType;
import org.gridstack.base.GridStackException;
import org.gridstack.base.Progress;
import org.gridstack.ops.project.Projection;
import org.gridstack.source.HandTiff;
import org.gridstack.source.HandTiff.Sample;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * TIFFs of every pixel type Grid Stack reads, opened as grid stacks: each pixel is the value the file stores, as
 * tifffile reads it (README, "Numerical contract"): int16 -5 is -5, float32 keeps its value, WhiteIsZero keeps
 * stored values. Files are built byte by byte ({@link HandTiff}: classic and BigTIFF, both byte orders, plain and
 * zlib-compressed strips, one file per slice and multi-page), and written by the JDK's TIFF writer and TwelveMonkeys'
 * BigTIFF writer. Frames, projections (mean over time, max), slice means and centroids are checked against plain
 * loops over the values the test wrote (every sum here is exact in double, so the comparisons are exact).
 */
class TiffPixelTypesTest {
    private static final int T = 5, H = 11, W = 13;

    @TempDir
    Path dir;

    private final GridStack grid = TestGrid.grid();

    private static DataType typeOf(Sample s) {
        switch (s) {
            case U8: return DataType.UINT8;
            case U16: return DataType.UINT16;
            case I16: return DataType.INT16;
            case I32: return DataType.INT32;
            default: return DataType.FLOAT32;
        }
    }

    /** Pixel (t, r, c): the type's whole range, -5 at (0, 0, 0) for signed types, frame 2 all zero or negative. */
    static double value(Sample s, int t, int r, int c) {
        long h = (t * 0x9E3779B97F4A7C15L + r * 0xC2B2AE3D27D4EB4FL + c * 0x165667B19E3779F9L + s.ordinal()) * 0xBF58476D1CE4E5B9L;
        h = (h ^ (h >>> 31)) & Long.MAX_VALUE;
        double v;
        switch (s) {
            case U8: v = h % 256; break;
            case U16: v = h % 65536; break;
            case I16: v = t == 0 && r == 0 && c == 0 ? -5 : h % 65536 - 32768; break;
            case I32: v = t == 0 && r == 0 && c == 0 ? -5 : (int) h; break;
            default: v = ((h % (1 << 24)) - (1 << 23)) / 8.0; break;
        }
        if (t == 2) v = s == Sample.U8 || s == Sample.U16 ? 0 : -Math.abs(v);
        return v;
    }

    static double[] page(Sample s, int t) {
        double[] p = new double[H * W];
        for (int i = 0; i < p.length; i++) p[i] = value(s, t, i / W, i % W);
        return p;
    }

    static Stream<Arguments> layouts() {
        List<Arguments> cases = new ArrayList<>();
        int n = 0;
        for (Sample s : new Sample[] {Sample.U8, Sample.U16, Sample.I16, Sample.I32, Sample.F32}) {
            for (String layout : new String[] {"II", "MM", "II-big", "MM-big"}) {
                for (int photometric : new int[] {HandTiff.BLACK_IS_ZERO, HandTiff.WHITE_IS_ZERO}) {
                    for (boolean deflate : new boolean[] {false, true}) {
                        cases.add(Arguments.of(s, layout, photometric, deflate, n++ % 3 == 0));
                    }
                }
            }
        }
        return cases.stream();
    }

    private HandTiff tiff(Sample s, String layout, int photometric, boolean deflate) {
        HandTiff tiff = new HandTiff(W, H, s).photometric(photometric).rowsPerStrip(4);
        if (layout.startsWith("MM")) tiff.bigEndian();
        if (layout.endsWith("big")) tiff.bigTiff();
        if (deflate) tiff.deflate();
        return tiff;
    }

    @ParameterizedTest(name = "{0} {1} photometric {2} deflate {3} multi-page {4}")
    @MethodSource("layouts")
    void storedValuesOfEveryTypeAndLayout(Sample s, String layout, int photometric, boolean deflate, boolean multiPage) throws IOException {
        String source;
        if (multiPage) {
            HandTiff tiff = tiff(s, layout, photometric, deflate);
            for (int t = 0; t < T; t++) tiff.page(page(s, t));
            source = tiff.write(dir.resolve("stack.tif")).toString();
        } else {
            for (int t = 0; t < T; t++) tiff(s, layout, photometric, deflate).page(page(s, t)).write(dir.resolve(String.format("s_%02d.tif", t)));
            source = dir.resolve("s_%02d.tif").toString();
        }
        String name = "tiff-" + s + "-" + layout + "-" + photometric + "-" + deflate + "-" + multiPage;
        ArrayMeta meta = grid.open(name, source, 0, -1, 2);
        assertEquals(typeOf(s), meta.type(), name);
        assertArrayEquals(new long[] {T, H, W}, meta.grid().shape());
        assertMatchesValues(name, (t, i) -> value(s, t, i / W, i % W));
        grid.drop(name);
    }

    interface Values {
        double at(int t, int i);
    }

    /** Frames, mean over time, max, slice means and centroids of the array against plain loops over {@code v}. */
    private void assertMatchesValues(String name, Values v) {
        ArrayMeta meta = grid.array(name);
        int frames = (int) meta.grid().frames(), height = meta.grid().height(), width = meta.grid().width(), pixels = height * width;
        double[] sum = new double[pixels], max = new double[pixels], sliceMeans = new double[frames];
        java.util.Arrays.fill(max, Double.NEGATIVE_INFINITY);
        double[][] centroids = new double[2][frames];
        for (int t = 0; t < frames; t++) {
            Object frame = grid.frame(name, t);
            double total = 0, sx = 0, sy = 0;
            for (int i = 0; i < pixels; i++) {
                double x = v.at(t, i);
                assertEquals(x, meta.type().get(frame, i), name + " pixel " + i + " of frame " + t);
                sum[i] += x;
                max[i] = Math.max(max[i], x);
                total += x;
                sx += (i / width) * x;
                sy += (i % width) * x;
            }
            sliceMeans[t] = total / pixels;
            if (total > 0) {
                centroids[0][t] = sx / total;
                centroids[1][t] = sy / total;
            }
        }
        double[] mean = new double[pixels];
        for (int i = 0; i < pixels; i++) mean[i] = sum[i] / frames;
        assertArrayEquals(mean, grid.project(name, Projection.AVERAGE, Progress.NONE), name + " mean over time");
        assertArrayEquals(max, grid.project(name, Projection.MAX, Progress.NONE), name + " max");
        assertArrayEquals(sliceMeans, grid.sliceMeans(name, Progress.NONE), name + " slice means");
        double[][] xy = grid.centroids(name, Progress.NONE);
        assertArrayEquals(centroids[0], xy[0], name + " centroid rows");
        assertArrayEquals(centroids[1], xy[1], name + " centroid columns");
    }

    /** The README's example: a stored int16 -5 reads as -5, not 65531, through the plain path and through Image I/O. */
    @Test
    void signedMinusFiveIsMinusFive() throws IOException {
        double[] values = new double[H * W];
        values[0] = -5;
        values[1] = -32768;
        values[2] = 32767;
        for (boolean deflate : new boolean[] {false, true}) {
            HandTiff tiff = new HandTiff(W, H, Sample.I16).page(values);
            if (deflate) tiff.deflate();
            Path file = tiff.write(dir.resolve("minus5-" + deflate + ".tif"));
            grid.open("minus5", file.toString(), 0, -1, 0);
            short[] frame = (short[]) grid.frame("minus5", 0);
            assertEquals(-5, frame[0]);
            assertEquals(-32768, frame[1]);
            assertEquals(32767, frame[2]);
            assertEquals(-5.0 - 32768 + 32767, grid.sliceMeans("minus5", Progress.NONE)[0] * H * W, 1e-9);
            grid.drop("minus5");
        }
    }

    /** Slices fetched over HTTP are read like files: signed and float, plain and compressed, WhiteIsZero, BigTIFF. */
    @Test
    void signedAndFloatSlicesOverHttp() throws IOException {
        Sample[] samples = {Sample.I16, Sample.F32, Sample.I32};
        for (int k = 0; k < samples.length; k++) {
            Sample s = samples[k];
            for (int t = 0; t < T; t++) {
                HandTiff tiff = tiff(s, k == 1 ? "MM-big" : "II", HandTiff.WHITE_IS_ZERO, t % 2 == 1).page(page(s, t));
                tiff.write(dir.resolve(String.format("u%d_%02d.tif", k, t)));
            }
        }
        try (TestHttpServer http = new TestHttpServer(dir)) {
            for (int k = 0; k < samples.length; k++) {
                Sample s = samples[k];
                String name = "http-" + s;
                assertEquals(typeOf(s), grid.open(name, http.base() + "u" + k + "_%02d.tif", 0, T - 1, 2).type());
                assertMatchesValues(name, (t, i) -> value(s, t, i / W, i % W));
                grid.drop(name);
            }
        }
    }

    // ---- files from the JDK's and TwelveMonkeys' writers ----

    private static ImageWriter writer(String format, String classPrefix) {
        Iterator<ImageWriter> it = ImageIO.getImageWritersByFormatName(format);
        while (it.hasNext()) {
            ImageWriter w = it.next();
            if (w.getClass().getName().startsWith(classPrefix)) return w;
        }
        throw new AssertionError("no " + format + " writer " + classPrefix);
    }

    private static void write(ImageWriter writer, List<BufferedImage> pages, Path file, String compression) throws IOException {
        Files.deleteIfExists(file);
        try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (compression != null) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionType(compression);
            }
            if (pages.size() == 1) {
                writer.write(null, new IIOImage(pages.get(0), null, null), param);
            } else {
                writer.prepareWriteSequence(null);
                for (BufferedImage p : pages) writer.writeToSequence(new IIOImage(p, null, null), param);
                writer.endWriteSequence();
            }
        } finally {
            writer.dispose();
        }
    }

    /** A grey image of one band of the given Java data type (TYPE_SHORT, TYPE_INT, TYPE_FLOAT) holding frame t. */
    private static BufferedImage image(Sample s, int t, int dataType) {
        ComponentColorModel cm = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_GRAY), false, false,
                Transparency.OPAQUE, dataType);
        WritableRaster raster = cm.createCompatibleWritableRaster(W, H);
        double[] p = page(s, t);
        for (int i = 0; i < p.length; i++) raster.setSample(i % W, i / W, 0, p[i]);
        return new BufferedImage(cm, raster, false, null);
    }

    /** The JDK's TIFF writer writes signed and float rasters with SampleFormat 2 and 3; uncompressed and compressed. */
    @Test
    void signedAndFloatTiffsFromTheJdkWriter() throws IOException {
        Object[][] cases = {{Sample.I16, DataBuffer.TYPE_SHORT}, {Sample.I32, DataBuffer.TYPE_INT}, {Sample.F32, DataBuffer.TYPE_FLOAT}};
        for (Object[] c : cases) {
            Sample s = (Sample) c[0];
            for (String compression : new String[] {null, "Deflate", "LZW"}) {
                List<BufferedImage> pages = new ArrayList<>();
                for (int t = 0; t < T; t++) pages.add(image(s, t, (Integer) c[1]));
                Path file = dir.resolve("jdk-" + s + "-" + compression + ".tif");
                write(writer("tiff", "com.sun.imageio.plugins.tiff."), pages, file, compression);
                String name = "jdk-" + s + "-" + compression;
                assertEquals(typeOf(s), grid.open(name, file.toString(), 0, -1, 3).type(), name);
                assertMatchesValues(name, (t, i) -> value(s, t, i / W, i % W));
                grid.drop(name);
            }
        }
    }

    /** TwelveMonkeys writes BigTIFF ("bigtiff"): 16-bit pages, plain and LZW, read as one multi-page stack. */
    @Test
    void bigTiffFromTheTwelveMonkeysWriter() throws IOException {
        for (String compression : new String[] {"None", "LZW"}) {
            List<BufferedImage> pages = new ArrayList<>();
            for (int t = 0; t < T; t++) {
                BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_USHORT_GRAY);
                short[] data = ((DataBufferUShort) img.getRaster().getDataBuffer()).getData();
                double[] p = page(Sample.U16, t);
                for (int i = 0; i < p.length; i++) data[i] = (short) p[i];
                pages.add(img);
            }
            Path file = dir.resolve("tm-" + compression + ".tif");
            write(writer("bigtiff", "com.twelvemonkeys."), pages, file, compression);
            byte[] head = Files.readAllBytes(file);
            assertEquals(43, head[0] == 'I' ? head[2] : head[3], "a BigTIFF (magic 43)");
            String name = "tm-big-" + compression;
            assertEquals(DataType.UINT16, grid.open(name, file.toString(), 0, -1, 2).type());
            assertMatchesValues(name, (t, i) -> value(Sample.U16, t, i / W, i % W));
            grid.drop(name);
        }
    }

    // ---- what is refused, before anything is allocated ----

    private String refusal(String source) {
        GridStackException e = assertThrows(GridStackException.class, () -> grid.open("refused", source, 0, -1, 0));
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
        assertTrue(grid.arrays().stream().noneMatch(a -> a.name().equals("refused")));
        return e.getMessage();
    }

    @Test
    void aHeaderClaimingMoreThanASliceHoldsIsOneClearLine() throws IOException {
        for (boolean deflate : new boolean[] {false, true}) {
            for (boolean big : new boolean[] {false, true}) {
                HandTiff tiff = new HandTiff(W, H, Sample.U16).claimSize(60000, 60000).page(page(Sample.U16, 0));
                if (deflate) tiff.deflate();
                if (big) tiff.bigTiff();
                Path file = tiff.write(dir.resolve("huge-" + deflate + big + ".tif"));
                String message = refusal(file.toString());
                for (String part : new String[] {file.toString(), "60000 x 60000", "3,600,000,000", "2^31 - 1"}) {
                    assertTrue(message.contains(part), message + " lacks " + part);
                }
            }
        }
    }

    @Test
    void typesNotReadAreRefusedNamingTheFileAndTheType() throws IOException {
        Object[][] cases = {{Sample.U32, "32-bit unsigned integer"}, {Sample.I8, "8-bit signed integer"}, {Sample.F64, "64-bit float"}};
        for (Object[] c : cases) {
            for (boolean deflate : new boolean[] {false, true}) {
                HandTiff tiff = new HandTiff(W, H, (Sample) c[0]).page(new double[H * W]);
                if (deflate) tiff.deflate();
                Path file = tiff.write(dir.resolve("refused-" + c[0] + deflate + ".tif"));
                String message = refusal(file.toString());
                assertTrue(message.contains(file.toString()) && message.contains((String) c[1]) && message.contains("int16"), message);
            }
        }
    }
}
