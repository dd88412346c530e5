package org.gridstack.plugin.commands;

import ij.ImagePlus;
import ij.WindowManager;
import ij.gui.Roi;
import java.awt.Point;
import java.util.ArrayList;
import java.util.List;
import org.gridstack.GridStack;
import org.gridstack.array.ArrayMeta;
import org.gridstack.array.Recipe;
import org.gridstack.base.GridStackException;
import org.gridstack.ops.fft.FftPowerRecipe;
import org.gridstack.ops.rechunk.RechunkRecipe;
import org.gridstack.plugin.GridService;
import org.gridstack.plugin.ij1.CurrentArray;
import org.gridstack.plugin.ij1.NumberInput;
import org.gridstack.plugin.ij1.Plots;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * Plots 1 + power against frequency index on a log axis for one or more pixels, given as x (column) and y (row)
 * lists or, when those are blank, by the point selection on the current image. Only a power spectrum (the result
 * of Grid FFT Power, or a rechunked copy of one) is plotted: any other array is refused, since its values over
 * time drawn as "1 + power" against "frequency index" would be a spectrum in looks only.
 */
@Plugin(type = Command.class, label = "Plot Spectrum...")
public final class PlotSpectrum implements Command {
    @Parameter
    private GridService grid;

    @Parameter(label = "name of the power array (blank: the current image's)", required = false, persist = false)
    private String name = "";

    @Parameter(label = "x (columns, comma-separated; blank: the point selection)", required = false, persist = false)
    private String x = "";

    @Parameter(label = "y (rows, comma-separated, one per x)", required = false, persist = false)
    private String y = "";

    @Override
    public void run() {
        GridStack g = grid.grid();
        String array = CurrentArray.name(name);
        requirePowerSpectrum(g.array(array));
        List<Point> pixels = pixels();
        int[][] xy = new int[pixels.size()][];
        for (int i = 0; i < xy.length; i++) xy[i] = new int[] {pixels.get(i).x, pixels.get(i).y};
        Plots.spectrum(g, array, xy).show();
    }

    /** The array must be FFT power: made by Grid FFT Power, maybe rechunked since (which keeps every value). */
    static void requirePowerSpectrum(ArrayMeta array) {
        Recipe recipe = array.recipe();
        while (recipe instanceof RechunkRecipe && recipe.parent() != null) recipe = recipe.parent().recipe();
        if (!(recipe instanceof FftPowerRecipe)) {
            throw new GridStackException("'" + array.name() + "' is not a power spectrum (it is " + array.recipe().describe()
                    + "): run Grid FFT Power... on it and plot the result (by default " + array.name() + "_power)");
        }
    }

    private List<Point> pixels() {
        List<Point> points = new ArrayList<>();
        if (x == null || x.isBlank()) {
            ImagePlus current = WindowManager.getCurrentImage();
            Roi roi = current == null ? null : current.getRoi();
            if (roi == null || roi.getType() != Roi.POINT) {
                throw new GridStackException("give x and y, or make a point selection on the power image");
            }
            for (Point p : roi.getContainedPoints()) points.add(p);
            return points;
        }
        String[] xs = x.split("[,\\s]+"), ys = (y == null ? "" : y).split("[,\\s]+");
        if (xs.length != ys.length) {
            throw new GridStackException("x has " + xs.length + " value(s) but y has " + ys.length + ": give one y per x");
        }
        for (int i = 0; i < xs.length; i++) {
            points.add(new Point((int) NumberInput.whole("x", xs[i], 0, Integer.MAX_VALUE), (int) NumberInput.whole("y", ys[i], 0, Integer.MAX_VALUE)));
        }
        return points;
    }
}
