package org.gridstack.plugin.commands;

import ij.IJ;
import org.gridstack.plugin.GridService;
import org.gridstack.plugin.ij1.CurrentArray;
import org.gridstack.plugin.ij1.GridDisplay;
import org.gridstack.plugin.ij1.IJProgress;
import org.gridstack.plugin.io.ResultFiles;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/** Exact mean of every slice: a brightness-over-time plot, a results table and, if asked, a CSV file. */
@Plugin(type = Command.class, label = "Grid Slice Means...")
public final class GridSliceMeans implements Command {
    @Parameter
    private GridService grid;

    @Parameter(label = "name of the grid stack (blank: the current image's)", required = false, persist = false)
    private String name = "";

    @Parameter(label = "csv file to write (blank: none)", style = "save", required = false, persist = false)
    private String csv = "";

    @Override
    public void run() {
        String array = CurrentArray.name(name);
        IJProgress progress = new IJProgress("Slice means of " + array);
        double[] means = grid.grid().sliceMeans(array, progress);
        if (csv != null && !csv.isBlank()) ResultFiles.writeSliceMeans(means, csv.trim());
        GridDisplay.showSliceMeans(array, means, grid.grid().array(array).calibration());
        IJ.showStatus(progress.summary(grid.grid().array(array).bytes()));
    }
}
