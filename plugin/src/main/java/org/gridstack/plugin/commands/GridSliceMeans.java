package org.gridstack.plugin.commands;

import ij.IJ;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.gridstack.GridStackException;
import org.gridstack.plugin.GridService;
import org.gridstack.plugin.ij1.GridDisplay;
import org.gridstack.plugin.ij1.IJProgress;
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

    @Parameter(label = "csv file to write (blank: none)", required = false, persist = false)
    private String csv = "";

    @Override
    public void run() {
        String array = GridDisplay.arrayName(name);
        IJProgress progress = new IJProgress("Slice means of " + array);
        double[] means = grid.grid().sliceMeans(array, progress);
        if (csv != null && !csv.isBlank()) write(new File(csv.trim()), means);
        GridDisplay.showSliceMeans(array, means);
        IJ.showStatus(progress.summary(grid.grid().array(array).bytes()));
    }

    /** Header "slice,mean"; doubles printed so that they read back exactly. */
    static void write(File file, double[] means) {
        try (PrintWriter out = new PrintWriter(file, StandardCharsets.UTF_8)) {
            out.print("slice,mean\n");
            for (int t = 0; t < means.length; t++) out.print(t + "," + Double.toString(means[t]) + "\n");
        } catch (IOException e) {
            throw new GridStackException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
