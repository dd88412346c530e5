package org.gridstack.plugin.commands;

import ij.ImagePlus;
import ij.WindowManager;
import ij.gui.Roi;
import java.awt.Point;
import java.util.ArrayList;
import java.util.List;
import org.gridstack.GridStack;
import org.gridstack.base.GridStackException;
import org.gridstack.plugin.GridService;
import org.gridstack.plugin.ij1.CurrentArray;
import org.gridstack.plugin.ij1.Plots;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * Plots 1 + power against frequency index on a log axis for one or more pixels, given as x (column) and y (row)
 * lists or, when those are blank, by the point selection on the current image.
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
        List<Point> pixels = pixels();
        int[][] xy = new int[pixels.size()][];
        for (int i = 0; i < xy.length; i++) xy[i] = new int[] {pixels.get(i).x, pixels.get(i).y};
        Plots.spectrum(g, array, xy).show();
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
        for (int i = 0; i < xs.length; i++) points.add(new Point(parse("x", xs[i]), parse("y", ys[i])));
        return points;
    }

    private static int parse(String key, String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new GridStackException(key + " (" + value + ") is not a whole number");
        }
    }
}
