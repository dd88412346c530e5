package org.gridstack.plugin.scripting;

import ij.ImagePlus;
import org.gridstack.GridStack;
import org.gridstack.plugin.ij1.TiffStackWriter;
import org.gridstack.plugin.io.ResultFiles;

/**
 * Results to files, in the formats the seed pipeline macro writes; every write checked (a full disk or an
 * unwritable folder fails with the path). Arrays too large for one TIFF go to Zarr: {@link GridStack#saveZarr}.
 */
public final class GridFiles {
    private GridFiles() {}

    /** An image as TIFF (ImageJ's encoder, with its calibration). */
    public static void saveTiff(ImagePlus image, String path) {
        ResultFiles.saveTiff(image, path);
    }

    /** An image (a plot, say) as PNG. */
    public static void savePng(ImagePlus image, String path) {
        ResultFiles.savePng(image, path);
    }

    /** A whole grid array as one multi-page TIFF, refused up front if the disk cannot hold it. */
    public static void saveStackTiff(GridStack grid, String name, String path) {
        TiffStackWriter.write(grid, name, path);
    }

    /** "slice,mean" rows. */
    public static void writeSliceMeans(double[] means, String path) {
        ResultFiles.writeSliceMeans(means, path);
    }

    /** "slice,x_row,y_col,row0,col0": the centroids and crop windows a recentered array was cut with. */
    public static void writeCentroids(GridStack grid, String recentered, String path) {
        ResultFiles.writeCentroids(grid.cropWindows(recentered), path);
    }

    /** "stage,seconds,mb_per_s" rows. */
    public static void writeTimings(String[] stages, double[] seconds, double[] megabytes, String path) {
        ResultFiles.writeTimings(stages, seconds, megabytes, path);
    }
}
