package org.gridstack.sample;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * A deterministic EM-like test stack: a textured field of interest inside a black frame, its centre drifting over
 * time, the first and last slices empty (as when a beam starts and stops). Pixels flicker at a few
 * region-dependent frequencies, so power spectra have peaks. Same seed, same bytes.
 */
public final class SyntheticStack {
    public static final String FILE_PATTERN = "slice_%05d.tif";

    private final int frames;
    private final int height;
    private final int width;
    private final long seed;

    public SyntheticStack(int frames, int height, int width, long seed) {
        if (frames < 1 || height < 8 || width < 8) {
            throw new IllegalArgumentException("a synthetic stack needs at least 1 frame of 8 x 8, got " + frames + " x " + height + " x " + width);
        }
        this.frames = frames;
        this.height = height;
        this.width = width;
        this.seed = seed;
    }

    public int frames() {
        return frames;
    }

    /** Frame t, row-major (height, width), unsigned 8-bit. */
    public byte[] frame(int t) {
        byte[] pixels = new byte[height * width];
        if (t == 0 || t == frames - 1) return pixels;
        double phase = 2 * Math.PI * t / Math.max(1, frames);
        int side = Math.min(height, width);
        double drift = 0.12 * side;
        double centreRow = height / 2.0 + drift * Math.sin(1.3 * phase + seed % 7);
        double centreCol = width / 2.0 + drift * Math.cos(0.7 * phase + seed % 5);
        double half = 0.28 * side;
        int r0 = (int) Math.max(0, centreRow - half), r1 = (int) Math.min(height, centreRow + half);
        int c0 = (int) Math.max(0, centreCol - half), c1 = (int) Math.min(width, centreCol + half);
        for (int r = r0; r < r1; r++) {
            double v = r - centreRow;
            for (int c = c0; c < c1; c++) {
                double u = c - centreCol;
                double texture = 60 + 90 * (0.5 + 0.5 * Math.sin(u / 6.0) * Math.cos(v / 9.0));
                int iu = (int) Math.floor(u), iv = (int) Math.floor(v);
                double grain = 40 * unit(iu, iv);
                double flicker = 25 * Math.sin(2 * Math.PI * t * (1 + (((iu >> 4) ^ (iv >> 4)) & 7)) / 32.0);
                int value = (int) (texture + grain + flicker);
                pixels[r * width + c] = (byte) Math.max(1, Math.min(255, value));
            }
        }
        return pixels;
    }

    /** A hash of (u, v, seed) in [0, 1): texture fixed to the sample, so it moves with the drift. */
    private double unit(int u, int v) {
        long h = seed * 0x9E3779B97F4A7C15L + u * 0xC2B2AE3D27D4EB4FL + v * 0x165667B19E3779F9L;
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        return (h >>> 11) * 0x1.0p-53;
    }

    /** Writes one uncompressed TIFF per frame, {@code slice_00000.tif ...}, into {@code dir}; returns the pattern. */
    public String writeTiffs(Path dir) throws IOException {
        Files.createDirectories(dir);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        byte[] target = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("tiff");
        ImageWriter writer = writers.next();
        try {
            for (int t = 0; t < frames; t++) {
                System.arraycopy(frame(t), 0, target, 0, target.length);
                Path file = dir.resolve(String.format(FILE_PATTERN, t));
                Files.deleteIfExists(file);
                try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
                    writer.setOutput(out);
                    writer.write(image);
                }
            }
        } finally {
            writer.dispose();
        }
        return dir.resolve(FILE_PATTERN).toString();
    }
}
