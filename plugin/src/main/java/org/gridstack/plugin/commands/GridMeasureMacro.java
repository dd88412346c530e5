package org.gridstack.plugin.commands;

import ij.IJ;
import org.gridstack.ops.map.Measurements;
import org.gridstack.plugin.GridService;
import org.gridstack.plugin.ij1.CurrentArray;
import org.gridstack.plugin.ij1.GridDisplay;
import org.gridstack.plugin.ij1.IJProgress;
import org.gridstack.plugin.io.ResultFiles;
import org.gridstack.plugin.macro.GridMacros;
import org.gridstack.plugin.macro.UserCode;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * Runs the user's measuring macro on every slice of a grid array, where the slices live, like ImageJ's batch
 * measurements: the Results-table rows it leaves for each slice (e.g. {@code run("Measure")} or
 * {@code setResult("Count", nResults, n)}) become one table, with the slice number first, and a CSV if asked.
 */
@Plugin(type = Command.class, label = "Grid Measure Macro...")
public final class GridMeasureMacro implements Command {
    @Parameter
    private GridService grid;

    @Parameter(label = "name of the grid stack (blank: the current image's)", required = false, persist = false)
    private String name = "";

    @Parameter(label = "macro (a .ijm or .groovy file, or the macro code)", style = "open", persist = false)
    private String macro = "";

    @Parameter(label = "csv file to write (blank: none)", style = "save", required = false, persist = false)
    private String csv = "";

    @Override
    public void run() {
        String source = CurrentArray.name(name);
        UserCode code = UserCode.fromFileOrText(macro);
        IJProgress progress = new IJProgress("Measure " + code.describe() + " over " + source);
        Measurements rows = GridMacros.measure(grid.grid(), source, code, progress);
        if (csv != null && !csv.isBlank()) ResultFiles.writeMeasurements(rows, csv.trim());
        GridDisplay.showResults(GridDisplay.measurementsTable(rows), "Measurements of " + source);
        IJ.showStatus(progress.summary(grid.grid().array(source).bytes()));
    }
}
