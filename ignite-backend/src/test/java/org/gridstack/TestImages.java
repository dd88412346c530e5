package org.gridstack;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferUShort;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * Test stacks kept in memory as plain frames (byte[] for 8-bit, short[] for 16-bit, row-major H x W), written to
 * disk with the JDK's own Image I/O writers, and the expected results computed from them with plain loops.
 */
final class TestImages {
    private TestImages() {}

    /** A stack in memory: frames of one type, all {@code height x width}. */
    static final class Stack {
        final int width;
        final int height;
        final boolean sixteenBit;
        final List<Object> frames = new ArrayList<>();

        Stack(int width, int height, boolean sixteenBit) {
            this.width = width;
            this.height = height;
            this.sixteenBit = sixteenBit;
        }

        int frames() {
            return frames.size();
        }

        int pixels() {
            return width * height;
        }

        /** Unsigned value of pixel i of frame t. */
        int value(int t, int i) {
            Object f = frames.get(t);
            return f instanceof byte[] ? ((byte[]) f)[i] & 0xff : ((short[]) f)[i] & 0xffff;
        }

        BufferedImage image(int t) {
            return TestImages.image(frames.get(t), width, height);
        }

        /** Writes frame t of this stack to {@code pattern} formatted with t + offset, for t in [0, T). */
        void writeFiles(Path dir, String pattern, String format, int offset) throws IOException {
            for (int t = 0; t < frames(); t++) write(image(t), format, dir.resolve(String.format(pattern, t + offset)));
        }
    }

    /**
     * Random pixels over the type's full range (so the top bit, the signed-Java trap, is set often), with the
     * given slices all zero.
     */
    static Stack random(long seed, int frames, int height, int width, boolean sixteenBit, int... zeroSlices) {
        Random rnd = new Random(seed);
        Stack s = new Stack(width, height, sixteenBit);
        for (int t = 0; t < frames; t++) {
            Object f = sixteenBit ? new short[height * width] : new byte[height * width];
            boolean zero = false;
            for (int z : zeroSlices) zero |= z == t;
            for (int i = 0; i < height * width && !zero; i++) {
                if (sixteenBit) ((short[]) f)[i] = (short) rnd.nextInt(65536);
                else ((byte[]) f)[i] = (byte) rnd.nextInt(256);
            }
            s.frames.add(f);
        }
        return s;
    }

    /** Frame t filled with a value that identifies t (so a wrong order shows), plus a gradient. */
    static Stack labelled(int frames, int height, int width) {
        Stack s = new Stack(width, height, false);
        for (int t = 0; t < frames; t++) {
            byte[] f = new byte[height * width];
            for (int i = 0; i < f.length; i++) f[i] = (byte) (10 * t + (i % 7));
            s.frames.add(f);
        }
        return s;
    }

    static BufferedImage image(Object frame, int width, int height) {
        if (frame instanceof byte[]) {
            BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
            byte[] dst = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
            System.arraycopy(frame, 0, dst, 0, dst.length);
            return img;
        }
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_USHORT_GRAY);
        short[] dst = ((DataBufferUShort) img.getRaster().getDataBuffer()).getData();
        System.arraycopy(frame, 0, dst, 0, dst.length);
        return img;
    }

    static void write(BufferedImage img, String format, Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.deleteIfExists(file);
        assertTrue(ImageIO.write(img, format, file.toFile()), "no ImageIO writer for " + format);
    }

    /** One TIFF file holding every frame as a page, written with writeToSequence. */
    static void writeMultiPageTiff(Stack s, Path file) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("tiff").next();
        Files.deleteIfExists(file);
        try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
            writer.setOutput(out);
            writer.prepareWriteSequence(null);
            for (int t = 0; t < s.frames(); t++) writer.writeToSequence(new IIOImage(s.image(t), null, null), null);
            writer.endWriteSequence();
        } finally {
            writer.dispose();
        }
    }

    /** What ImageIO itself decodes from a grey file, as a row-major byte[] / short[]. */
    static Object decode(Path file) throws IOException {
        BufferedImage img = ImageIO.read(file.toFile());
        if (img.getType() == BufferedImage.TYPE_BYTE_GRAY) return ((DataBufferByte) img.getRaster().getDataBuffer()).getData().clone();
        if (img.getType() == BufferedImage.TYPE_USHORT_GRAY) return ((DataBufferUShort) img.getRaster().getDataBuffer()).getData().clone();
        throw new AssertionError(file + " decoded as image type " + img.getType() + ", not grey");
    }

    // ---- expected values, by plain loops ----

    static long[] pixelSums(Stack s) {
        long[] sum = new long[s.pixels()];
        for (int t = 0; t < s.frames(); t++) for (int i = 0; i < sum.length; i++) sum[i] += s.value(t, i);
        return sum;
    }

    static double[] average(Stack s) {
        long[] sum = pixelSums(s);
        double[] out = new double[sum.length];
        for (int i = 0; i < out.length; i++) out[i] = (double) sum[i] / (double) s.frames();
        return out;
    }

    static double[] sum(Stack s) {
        long[] sum = pixelSums(s);
        double[] out = new double[sum.length];
        for (int i = 0; i < out.length; i++) out[i] = sum[i];
        return out;
    }

    static double[] max(Stack s) {
        double[] out = new double[s.pixels()];
        for (int i = 0; i < out.length; i++) {
            int m = Integer.MIN_VALUE;
            for (int t = 0; t < s.frames(); t++) m = Math.max(m, s.value(t, i));
            out[i] = m;
        }
        return out;
    }

    static double[] min(Stack s) {
        double[] out = new double[s.pixels()];
        for (int i = 0; i < out.length; i++) {
            int m = Integer.MAX_VALUE;
            for (int t = 0; t < s.frames(); t++) m = Math.min(m, s.value(t, i));
            out[i] = m;
        }
        return out;
    }

    /** Sample standard deviation (n - 1), two-pass: mean first, then squared deviations; 0 for one frame. */
    static double[] sampleSd(Stack s) {
        double[] mean = average(s);
        double[] out = new double[s.pixels()];
        int n = s.frames();
        if (n < 2) return out;
        for (int i = 0; i < out.length; i++) {
            double ss = 0;
            for (int t = 0; t < n; t++) {
                double d = s.value(t, i) - mean[i];
                ss += d * d;
            }
            out[i] = Math.sqrt(ss / (n - 1));
        }
        return out;
    }

    static double[] sliceMeans(Stack s) {
        double[] out = new double[s.frames()];
        for (int t = 0; t < out.length; t++) {
            long sum = 0;
            for (int i = 0; i < s.pixels(); i++) sum += s.value(t, i);
            out[t] = (double) sum / (double) s.pixels();
        }
        return out;
    }
}
