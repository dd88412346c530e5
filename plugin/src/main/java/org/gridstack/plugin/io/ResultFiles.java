package org.gridstack.plugin.io;

import ij.ImagePlus;
import ij.io.FileSaver;
import ij.process.ImageConverter;
import ij.process.ShortProcessor;
import java.awt.image.BufferedImage;
import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import javax.imageio.ImageIO;
import java.util.List;
import org.gridstack.ops.map.Measurements;
import org.gridstack.base.GridStackException;
import org.gridstack.ops.recenter.CropWindows;
import org.gridstack.plugin.pixels.PixelType;

/**
 * The files the seed pipeline writes, shared by the commands and the Groovy/Jython scripts so all three write
 * byte-identical files. Doubles are printed with Double.toString, which reads back exactly.
 * <p>
 * Every write is checked to the end: a file that cannot be opened, or a write or the final flush that fails (a
 * full disk, a read-only file system), fails with "cannot write PATH: CAUSE", the cause as the operating system
 * gave it ("No space left on device", "Read-only file system", "Permission denied"). A regular file left half
 * written is deleted, so no truncated result passes for a whole one. Images are encoded in memory first and
 * written by the same checked path, never through ImageJ's writers, which report an error only in a dialog.
 */
public final class ResultFiles {
    private ResultFiles() {}

    /** A projection (row-major H x W doubles) as a 32-bit TIFF: each value cast to float. */
    public static void saveFloatTiff(double[] values, int width, int height, String title, String path) {
        saveTiff(new ImagePlus(title, PixelType.FLOAT64.processor(values, width, height)), path);
    }

    /** An image (one plane, or a stack in memory) as TIFF, encoded by ImageJ with its calibration; checked write. */
    public static void saveTiff(ImagePlus imp, String path) {
        byte[] tiff = new FileSaver(imp).serialize(); // ImageJ's TIFF encoder, in memory
        if (tiff == null) throw new GridStackException("cannot write " + path + ": ImageJ could not encode " + imp.getTitle() + " as TIFF");
        write(path, out -> out.write(tiff));
    }

    /** An image as PNG, encoded as ImageJ's PNG writer does (RGB, 8-bit with its LUT, or 16-bit grey). */
    public static void savePng(ImagePlus imp, String path) {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(pngImage(imp), "png", png)) throw new IOException("no PNG encoder for this image");
        } catch (IOException e) {
            throw new GridStackException("cannot write " + path + ": " + e.getMessage(), e);
        }
        write(path, out -> png.writeTo(out));
    }

    /** Header "slice,mean". */
    public static void writeSliceMeans(double[] means, String path) {
        writeText(path, out -> {
            out.write("slice,mean\n");
            for (int t = 0; t < means.length; t++) out.write(t + "," + Double.toString(means[t]) + "\n");
        });
    }

    /** Header "slice" and the measurements' columns; a value a row lacks is empty, text is quoted when it must be. */
    public static void writeMeasurements(Measurements rows, String path) {
        List<String> columns = rows.columns();
        writeText(path, out -> {
            out.write("slice");
            for (String c : columns) out.write("," + csvText(c));
            out.write("\n");
            for (Measurements.Row row : rows.rows()) {
                out.write(Long.toString(row.slice()));
                for (String c : columns) {
                    Object v = row.values().get(c);
                    out.write("," + (v == null ? "" : v instanceof Double ? Double.toString((Double) v) : csvText(String.valueOf(v))));
                }
                out.write("\n");
            }
        });
    }

    private static String csvText(String s) {
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    /** Header "slice,x_row,y_col,row0,col0": centroid (row, column) and the crop window's top-left corner. */
    public static void writeCentroids(CropWindows w, String path) {
        writeText(path, out -> {
            out.write("slice,x_row,y_col,row0,col0\n");
            for (int t = 0; t < w.frames(); t++) {
                out.write(t + "," + Double.toString(w.x(t)) + "," + Double.toString(w.y(t)) + "," + w.row0(t) + "," + w.col0(t) + "\n");
            }
        });
    }

    /** Header "stage,seconds,mb_per_s"; rows as given. */
    public static void writeTimings(String[] stages, double[] seconds, double[] megabytes, String path) {
        writeText(path, out -> {
            out.write("stage,seconds,mb_per_s\n");
            for (int i = 0; i < stages.length; i++) {
                out.write(stages[i] + "," + Double.toString(seconds[i]) + "," + Double.toString(megabytes[i] / Math.max(1e-9, seconds[i])) + "\n");
            }
        });
    }

    private interface Content<T> {
        void writeTo(T out) throws IOException;
    }

    private static void writeText(String path, Content<Writer> content) {
        write(path, out -> {
            Writer text = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            content.writeTo(text);
            text.flush(); // the buffered tail reaches the file here, so a full disk shows up here too
        });
    }

    /** Writes a file through FileOutputStream, whose errors carry the operating system's own reason. */
    private static void write(String path, Content<OutputStream> content) {
        File file = new File(path);
        File folder = file.getAbsoluteFile().getParentFile();
        if (folder != null && !folder.isDirectory()) {
            throw new GridStackException("cannot write " + path + ": folder " + folder + " does not exist");
        }
        try (OutputStream out = new FileOutputStream(file)) {
            content.writeTo(out);
        } catch (IOException e) {
            if (Files.isRegularFile(file.toPath(), LinkOption.NOFOLLOW_LINKS)) file.delete(); // never a device such as /dev/full
            throw new GridStackException("cannot write " + path + ": " + reason(e, file), e);
        }
    }

    /** FileOutputStream says "PATH (reason)" when it cannot open a file; the reason is what tells. */
    private static String reason(IOException e, File file) {
        String message = e.getMessage();
        if (message == null) return e.toString();
        String prefix = file.getPath() + " (";
        if (message.startsWith(prefix) && message.endsWith(")")) return message.substring(prefix.length(), message.length() - 1);
        return message;
    }

    /** The image ImageJ's PNG_Writer would encode (without its optional transparent index). */
    private static BufferedImage pngImage(ImagePlus imp) {
        if (imp.getType() == ImagePlus.COLOR_256) {
            imp = imp.duplicate();
            new ImageConverter(imp).convertToRGB();
        }
        if (imp.getOverlay() != null && !imp.getHideOverlay() && !imp.tempOverlay()) return imp.flatten().getBufferedImage();
        if (imp.getBitDepth() == 16 && !imp.isComposite() && imp.getProcessor().isDefaultLut()) {
            return ((ShortProcessor) imp.getProcessor()).get16BitBufferedImage();
        }
        return imp.getBufferedImage();
    }
}
