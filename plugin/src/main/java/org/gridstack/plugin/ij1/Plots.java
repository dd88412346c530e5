package org.gridstack.plugin.ij1;

import ij.ImagePlus;
import ij.gui.Plot;
import java.awt.Color;
import java.util.Arrays;
import org.gridstack.GridStack;

/** The plots Grid Stack draws, as ImageJ plot images (not yet shown). */
public final class Plots {
    private static final Color[] COLOURS = {Color.BLUE, Color.RED, new Color(0, 140, 0), Color.MAGENTA, Color.ORANGE,
        Color.CYAN.darker(), Color.BLACK};

    private Plots() {}

    /** Brightness over time: mean per slice against slice index. */
    public static ImagePlus brightness(String name, double[] means) {
        double[] slices = new double[means.length];
        for (int t = 0; t < means.length; t++) slices[t] = t;
        Plot plot = new Plot("Brightness of " + name, "slice", "mean intensity");
        plot.add("line", slices, means);
        double top = Arrays.stream(means).max().orElse(0);
        plot.setLimits(0, Math.max(1, means.length - 1), 0, top > 0 ? top * 1.05 : 1);
        return plot.getImagePlus();
    }

    /** The spectrum of one pixel, x = column, y = row. */
    public static ImagePlus spectrum(GridStack grid, String powerArray, int x, int y) {
        return spectrum(grid, powerArray, new int[][] {{x, y}});
    }

    /** 1 + power[k] against k on a log axis, one line per pixel; pixels as {x = column, y = row} pairs. */
    public static ImagePlus spectrum(GridStack grid, String powerArray, int[][] pixels) {
        Plot plot = new Plot("Spectrum of " + powerArray, "frequency index k", "1 + power");
        plot.setAxisYLog(true);
        StringBuilder legend = new StringBuilder();
        for (int i = 0; i < pixels.length; i++) {
            int x = pixels[i][0], y = pixels[i][1];
            double[] power = grid.series(powerArray, y, x);
            double[] k = new double[power.length];
            double[] onePlus = new double[power.length];
            for (int j = 0; j < power.length; j++) {
                k[j] = j;
                onePlus[j] = 1 + power[j];
            }
            plot.setColor(COLOURS[i % COLOURS.length]);
            plot.add("line", k, onePlus);
            legend.append(i == 0 ? "" : "\n").append("x=").append(x).append(" y=").append(y);
        }
        plot.setColor(Color.BLACK);
        plot.addLegend(legend.toString());
        plot.setLimitsToFit(false);
        return plot.getImagePlus();
    }
}
