package org.gridstack.plugin.ij1;

import ij.IJ;
import ij.ImagePlus;
import ij.measure.ResultsTable;
import ij.plugin.filter.Analyzer;
import ij.process.ImageProcessor;
import java.awt.GraphicsEnvironment;
import org.gridstack.ops.map.Measurements;
import org.gridstack.GridStack;
import org.gridstack.array.ArrayMeta;
import org.gridstack.ops.project.Projection;
import org.gridstack.plugin.pixels.PixelType;

/** Turns grid arrays and results into what ImageJ shows: stack windows, images, plots, tables. */
public final class GridDisplay {
    private static final int MAX_LOGGED_ROWS = 20;

    private GridDisplay() {}

    /** A lazy stack window over a grid array: its frames on the T axis, with its calibration. */
    public static ImagePlus showStack(GridStack grid, ArrayMeta meta) {
        ImagePlus imp = stackImage(grid, meta);
        imp.show();
        return imp;
    }

    /** As {@link #showStack}, not shown: frames read from the grid as they are looked at. */
    public static ImagePlus stackImage(GridStack grid, ArrayMeta meta) {
        ImagePlus imp = ImageAxes.stack(new ImagePlus(meta.name(), new GridVirtualStack(grid, meta)), meta);
        CurrentArray.mark(imp, meta.name());
        return imp;
    }

    /**
     * A projection (row-major H x W) as ImageJ's Z Project shows it: titled e.g. AVG_em; Max and Min keep the
     * source's bit depth, the others are 32-bit (the exact double value cast to float).
     */
    public static ImagePlus showProjection(ArrayMeta source, Projection projection, double[] values) {
        ImagePlus imp = projectionImage(source, projection, values);
        imp.show();
        return imp;
    }

    /** As {@link #showProjection}, not shown. */
    public static ImagePlus projectionImage(ArrayMeta source, Projection projection, double[] values) {
        boolean keepType = projection == Projection.MAX || projection == Projection.MIN;
        PixelType type = keepType ? PixelType.of(source.type()) : PixelType.FLOAT32;
        ImageProcessor ip = type.processor(type.fromDoubles(values), source.grid().width(), source.grid().height());
        ip.resetMinAndMax();
        return ImageAxes.pixelSize(new ImagePlus(projection.prefix() + "_" + source.name(), ip), source.calibration());
    }

    /** Brightness over time: a plot window and a results table. */
    public static ImagePlus showSliceMeans(String name, double[] means, org.gridstack.array.Calibration calibration) {
        ResultsTable table = new ResultsTable();
        for (int t = 0; t < means.length; t++) {
            table.incrementCounter();
            table.addValue("slice", t);
            table.addValue("mean", means[t]);
        }
        table.setPrecision(9);
        showTable(table, "Slice Means of " + name);
        ImagePlus imp = Plots.brightness(name, means, calibration);
        imp.show();
        return imp;
    }

    /** A table of measurements: "Slice" first, then the measurements' columns (numbers, or text where they are text). */
    public static ResultsTable measurementsTable(Measurements rows) {
        ResultsTable table = new ResultsTable();
        table.setPrecision(9);
        for (Measurements.Row row : rows.rows()) {
            table.incrementCounter();
            table.addValue("Slice", row.slice());
            for (String column : rows.columns()) {
                Object v = row.values().get(column);
                if (v instanceof Double) table.addValue(column, (Double) v);
                else table.addValue(column, v == null ? "" : String.valueOf(v));
            }
        }
        return table;
    }

    /**
     * Measurements, shown as ImageJ shows its own: as the Results table (so nResults and getResult read them in the
     * GUI too); headless as {@link #showTable}.
     */
    public static void showResults(ResultsTable table, String title) {
        if (GraphicsEnvironment.isHeadless()) {
            showTable(table, title);
            return;
        }
        Analyzer.setResultsTable(table);
        table.show("Results");
    }

    /**
     * A table window; headless, where ImageJ keeps no table windows, the table becomes ImageJ's Results table (so
     * a macro reads it with nResults, getResult and Table.get, as after any measurement), and a short table also
     * goes to the log as CSV, a long one as a line saying so.
     */
    public static void showTable(ResultsTable table, String title) {
        if (!GraphicsEnvironment.isHeadless()) {
            table.show(title);
            return;
        }
        Analyzer.setResultsTable(table);
        if (table.size() > MAX_LOGGED_ROWS) {
            IJ.log(title + ": " + table.size() + " rows (not printed headless)");
            return;
        }
        String[] headings = table.getHeadings();
        StringBuilder text = new StringBuilder(title).append('\n').append(String.join(",", headings));
        for (int row = 0; row < table.size(); row++) {
            text.append('\n');
            for (int col = 0; col < headings.length; col++) {
                if (col > 0) text.append(',');
                text.append(table.getStringValue(headings[col], row));
            }
        }
        IJ.log(text.toString());
    }
}
