package org.gridstack.plugin.io;

import ij.ImagePlus;
import ij.io.FileSaver;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.gridstack.base.GridStackException;
import org.gridstack.ops.recenter.CropWindows;
import org.gridstack.plugin.pixels.PixelType;

/**
 * The files the seed pipeline writes, shared by the commands and the Groovy/Jython scripts so all three write
 * byte-identical files. Doubles are printed with Double.toString, which reads back exactly.
 */
public final class ResultFiles {
    private ResultFiles() {}

    /** A projection (row-major H x W doubles) as a 32-bit TIFF: each value cast to float. */
    public static void saveFloatTiff(double[] values, int width, int height, String title, String path) {
        ImagePlus imp = new ImagePlus(title, PixelType.FLOAT64.processor(values, width, height));
        if (!new FileSaver(imp).saveAsTiff(path)) throw new GridStackException("cannot write " + path);
    }

    public static void savePng(ImagePlus imp, String path) {
        if (!new FileSaver(imp).saveAsPng(path)) throw new GridStackException("cannot write " + path);
    }

    /** Header "slice,mean". */
    public static void writeSliceMeans(double[] means, String path) {
        try (PrintWriter out = writer(path)) {
            out.print("slice,mean\n");
            for (int t = 0; t < means.length; t++) out.print(t + "," + Double.toString(means[t]) + "\n");
        }
    }

    /** Header "slice,x_row,y_col,row0,col0": centroid (row, column) and the crop window's top-left corner. */
    public static void writeCentroids(CropWindows w, String path) {
        try (PrintWriter out = writer(path)) {
            out.print("slice,x_row,y_col,row0,col0\n");
            for (int t = 0; t < w.frames(); t++) {
                out.print(t + "," + Double.toString(w.x(t)) + "," + Double.toString(w.y(t)) + "," + w.row0(t) + "," + w.col0(t) + "\n");
            }
        }
    }

    /** Header "stage,seconds,mb_per_s"; rows as given. */
    public static void writeTimings(String[] stages, double[] seconds, double[] megabytes, String path) {
        try (PrintWriter out = writer(path)) {
            out.print("stage,seconds,mb_per_s\n");
            for (int i = 0; i < stages.length; i++) {
                out.print(stages[i] + "," + Double.toString(seconds[i]) + "," + Double.toString(megabytes[i] / Math.max(1e-9, seconds[i])) + "\n");
            }
        }
    }

    private static PrintWriter writer(String path) {
        try {
            return new PrintWriter(new File(path), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new GridStackException("cannot write " + path + ": " + e.getMessage(), e);
        }
    }
}
