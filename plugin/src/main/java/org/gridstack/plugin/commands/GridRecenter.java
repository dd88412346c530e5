package org.gridstack.plugin.commands;

import ij.IJ;
import ij.measure.ResultsTable;
import org.gridstack.GridStack;
import org.gridstack.array.ArrayMeta;
import org.gridstack.ops.recenter.CropWindows;
import org.gridstack.plugin.GridService;
import org.gridstack.plugin.ij1.CurrentArray;
import org.gridstack.plugin.ij1.GridDisplay;
import org.gridstack.plugin.ij1.IJProgress;
import org.gridstack.plugin.ij1.LiveResult;
import org.gridstack.plugin.io.ResultFiles;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * Crops a crop x crop window around every slice's intensity centroid (clamped to the frame) into a new grid
 * array, where the chunks live. Centroids and windows go to a table and, if asked, a CSV file.
 */
@Plugin(type = Command.class, label = "Grid Recenter...")
public final class GridRecenter implements Command {
    @Parameter
    private GridService grid;

    @Parameter(label = "name of the grid stack (blank: the current image's)", required = false, persist = false)
    private String name = "";

    @Parameter(label = "crop (even, up to min(width, height); blank: min/2)", required = false, persist = false)
    private String crop = "";

    @Parameter(label = "target array name (blank: <name>_recentered)", required = false, persist = false)
    private String target = "";

    @Parameter(label = "csv file for centroids (blank: none)", style = "save", required = false, persist = false)
    private String csv = "";

    @Parameter(label = "show the result", persist = false)
    private boolean show = true;

    @Parameter(label = "overwrite an existing array of that name", persist = false)
    private boolean overwrite = false;

    @Override
    public void run() {
        GridStack g = overwrite ? grid.grid().overwriting() : grid.grid();
        String source = CurrentArray.name(name);
        String out = Inputs.targetName(g, target, source, "_recentered", overwrite);
        Integer size = Inputs.parse("crop", crop, 2);
        IJProgress progress = new IJProgress("Recenter " + source);
        LiveResult live = new LiveResult(g, out, progress, show);
        ArrayMeta result = size == null ? g.recenter(source, out, live) : g.recenter(source, out, size, live);
        CropWindows windows = g.cropWindows(out);
        if (csv != null && !csv.isBlank()) ResultFiles.writeCentroids(windows, csv.trim());
        GridDisplay.showTable(table(windows), "Centroids of " + source);
        live.finish(result);
        IJ.showStatus(progress.summary(g.array(source).bytes()));
    }

    private static ResultsTable table(CropWindows w) {
        ResultsTable table = new ResultsTable();
        table.setPrecision(9);
        for (int t = 0; t < w.frames(); t++) {
            table.incrementCounter();
            table.addValue("slice", t);
            table.addValue("x_row", w.x(t));
            table.addValue("y_col", w.y(t));
            table.addValue("row0", w.row0(t));
            table.addValue("col0", w.col0(t));
        }
        return table;
    }
}
