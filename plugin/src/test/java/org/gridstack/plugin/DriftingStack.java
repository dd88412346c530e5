package org.gridstack.plugin;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * A test stack whose bright blob drifts from the top-left corner to the bottom-right one, so that recenter windows
 * clamp at both edges; the blob is textured, the rest black; one frame is all zero. Frames are made once and kept.
 */
final class DriftingStack {
    final int frames, height, width;
    private final byte[][] pixels;

    DriftingStack(int frames, int height, int width) {
        this.frames = frames;
        this.height = height;
        this.width = width;
        this.pixels = new byte[frames][];
        for (int t = 0; t < frames; t++) pixels[t] = make(t);
    }

    private byte[] make(int t) {
        byte[] p = new byte[height * width];
        if (t == frames / 3) return p;
        double f = frames == 1 ? 0 : t / (double) (frames - 1);
        double cr = f * (height - 1), cc = f * (width - 1);
        for (int r = 0; r < height; r++) {
            for (int c = 0; c < width; c++) {
                double d2 = (r - cr) * (r - cr) + (c - cc) * (c - cc);
                int texture = (int) (((r * 7919L + c * 104729L + t * 31L) * 2654435761L >>> 13) & 15);
                int v = d2 < 900 ? 180 + (int) (60 * Math.cos(Math.sqrt(d2) / 6)) + texture : 0;
                p[r * width + c] = (byte) Math.min(255, v);
            }
        }
        return p;
    }

    byte[] frame(int t) {
        return pixels[t];
    }

    /** One uncompressed TIFF per frame, slice_00000.tif ...; returns the printf pattern. */
    String writeTiffs(Path dir) throws IOException {
        Files.createDirectories(dir);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        byte[] target = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        for (int t = 0; t < frames; t++) {
            System.arraycopy(pixels[t], 0, target, 0, target.length);
            if (!ImageIO.write(image, "tiff", dir.resolve(String.format("slice_%05d.tif", t)).toFile())) {
                throw new IOException("no TIFF writer");
            }
        }
        return dir.resolve("slice_%05d.tif").toString();
    }
}
