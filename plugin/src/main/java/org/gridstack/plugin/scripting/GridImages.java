package org.gridstack.plugin.scripting;

import ij.ImagePlus;
import net.imglib2.img.Img;
import net.imglib2.type.NativeType;
import org.gridstack.GridStack;
import org.gridstack.ops.project.Projection;
import org.gridstack.plugin.ij1.GridDisplay;
import org.gridstack.plugin.ij1.Plots;
import org.gridstack.plugin.imglib.GridImgs;

/**
 * Grid arrays and results as the images Fiji scripts work with, calibrated as the array is, none of them shown
 * (call {@code show()}): a lazy ImagePlus or ImgLib2 image of an array, projections, and the plots the commands
 * draw. With {@link GridFiles}, all a script needs besides {@link GridStack}.
 */
public final class GridImages {
    private GridImages() {}

    /** The array as an ImagePlus whose frames are read from the grid as they are looked at: frames on T, calibrated. */
    public static ImagePlus stack(GridStack grid, String name) {
        return GridDisplay.stackImage(grid, grid.array(name));
    }

    /** The array as an ImgLib2 image (x, y, t), cells fetched from the grid on demand. */
    public static <T extends NativeType<T>> Img<T> img(GridStack grid, String name) {
        return GridImgs.lazy(grid, name);
    }

    /** The projection over time as Z Project gives it: titled e.g. AVG_em, with the array's pixel size. */
    public static ImagePlus projection(GridStack grid, String name, Projection projection) {
        return GridDisplay.projectionImage(grid.array(name), projection, grid.project(name, projection));
    }

    /** Brightness over time (slice means against time, or slice without a frame interval) as a plot image. */
    public static ImagePlus brightnessPlot(GridStack grid, String name, double[] sliceMeans) {
        return Plots.brightness(name, sliceMeans, grid.array(name).calibration());
    }

    /** 1 + power on a log axis against frequency (or its index without a frame interval), for pixel (x = column, y = row) of a power array. */
    public static ImagePlus spectrumPlot(GridStack grid, String powerArray, int x, int y) {
        return Plots.spectrum(grid, powerArray, x, y);
    }
}
