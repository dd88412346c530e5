package org.gridstack.plugin.ij1;

import ij.ImagePlus;
import ij.gui.Plot;
import java.awt.Color;
import java.util.Arrays;
import org.gridstack.GridStack;
import org.gridstack.array.Calibration;

/** The plots Grid Stack draws, as ImageJ plot images (not yet shown). */
public final class Plots {
    private static final Color[] COLOURS = {Color.BLUE, Color.RED, new Color(0, 140, 0), Color.MAGENTA, Color.ORANGE,
        Color.CYAN.darker(), Color.BLACK};

    private Plots() {}

    /** Brightness over time: mean per slice against slice index. */
    public static ImagePlus brightness(String name, double[] means) {
        return brightness(name, means, Calibration.NONE);
    }

    /** Brightness over time: mean per frame against time in the array's time unit, or against slice index without one. */
    public static ImagePlus brightness(String name, double[] means, Calibration c) {
        Axis time = Axis.of(c, "time", "slice");
        double[] xs = new double[means.length];
        for (int t = 0; t < means.length; t++) xs[t] = time.at(t);
        Plot plot = new Plot("Brightness of " + name, time.label, "mean intensity");
        plot.add("line", xs, means);
        double top = Arrays.stream(means).max().orElse(0);
        plot.setLimits(0, Math.max(time.at(1), time.at(means.length - 1)), 0, top > 0 ? top * 1.05 : 1);
        return plot.getImagePlus();
    }

    /** The spectrum of one pixel, x = column, y = row. */
    public static ImagePlus spectrum(GridStack grid, String powerArray, int x, int y) {
        return spectrum(grid, powerArray, new int[][] {{x, y}});
    }

    /** 1 + power[k] against k on a log axis, one line per pixel; pixels as {x = column, y = row} pairs. */
    public static ImagePlus spectrum(GridStack grid, String powerArray, int[][] pixels) {
        Axis frequency = Axis.of(grid.array(powerArray).calibration(), "frequency", "frequency index k");
        Plot plot = new Plot("Spectrum of " + powerArray, frequency.label, "1 + power");
        plot.setAxisYLog(true);
        StringBuilder legend = new StringBuilder();
        for (int i = 0; i < pixels.length; i++) {
            int x = pixels[i][0], y = pixels[i][1];
            double[] power = grid.series(powerArray, y, x);
            double[] k = new double[power.length];
            double[] onePlus = new double[power.length];
            for (int j = 0; j < power.length; j++) {
                k[j] = frequency.at(j);
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

    /** A plot's x axis along an array's first axis: its calibrated unit when it has one, else the index. */
    private static final class Axis {
        final String label;
        final double step;

        private Axis(String label, double step) {
            this.label = label;
            this.step = step;
        }

        static Axis of(Calibration c, String quantity, String indexLabel) {
            return c.timeUnit() == null ? new Axis(indexLabel, 1) : new Axis(quantity + " (" + c.timeUnit() + ")", c.frameInterval());
        }

        double at(long index) {
            return index * step;
        }
    }
}
