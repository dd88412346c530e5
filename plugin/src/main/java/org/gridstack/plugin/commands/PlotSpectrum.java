package org.gridstack.plugin.commands;

import ij.ImagePlus;
import ij.WindowManager;
import ij.gui.Plot;
import ij.gui.Roi;
import java.awt.Point;
import java.util.ArrayList;
import java.util.List;
import org.gridstack.GridStack;
import org.gridstack.GridStackException;
import org.gridstack.plugin.GridService;
import org.gridstack.plugin.ij1.GridDisplay;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * Plots 1 + power against frequency index on a log axis for one or more pixels, given as x (column) and y (row)
 * lists or, when those are blank, by the point selection on the current image.
 */
@Plugin(type = Command.class, label = "Plot Spectrum...")
public final class PlotSpectrum implements Command {
    private static final java.awt.Color[] COLOURS = {java.awt.Color.BLUE, java.awt.Color.RED, new java.awt.Color(0, 140, 0),
        java.awt.Color.MAGENTA, java.awt.Color.ORANGE, java.awt.Color.CYAN.darker(), java.awt.Color.BLACK};

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
        String array = GridDisplay.arrayName(name);
        List<Point> pixels = pixels();
        Plot plot = new Plot("Spectrum of " + array, "frequency index k", "1 + power");
        plot.setAxisYLog(true);
        double[] k = null;
        StringBuilder legend = new StringBuilder();
        for (int i = 0; i < pixels.size(); i++) {
            Point p = pixels.get(i);
            double[] power = g.series(array, p.y, p.x);
            if (k == null) {
                k = new double[power.length];
                for (int j = 0; j < k.length; j++) k[j] = j;
            }
            double[] onePlus = new double[power.length];
            for (int j = 0; j < power.length; j++) onePlus[j] = 1 + power[j];
            plot.setColor(COLOURS[i % COLOURS.length]);
            plot.add("line", k, onePlus);
            legend.append(i == 0 ? "" : "\n").append("x=").append(p.x).append(" y=").append(p.y);
        }
        plot.setColor(java.awt.Color.BLACK);
        plot.addLegend(legend.toString());
        plot.setLimitsToFit(false);
        plot.getImagePlus().show();
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
