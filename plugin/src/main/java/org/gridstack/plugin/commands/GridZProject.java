package org.gridstack.plugin.commands;

import ij.IJ;
import org.gridstack.GridStack;
import org.gridstack.array.ArrayMeta;
import org.gridstack.ops.project.Projection;
import org.gridstack.plugin.GridService;
import org.gridstack.plugin.ij1.CurrentArray;
import org.gridstack.plugin.ij1.GridDisplay;
import org.gridstack.plugin.ij1.IJProgress;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/** Projects a grid stack over time where its chunks live, like ImageJ's Z Project (Average is exact: double sum / T). */
@Plugin(type = Command.class, label = "Grid Z Project...")
public final class GridZProject implements Command {
    @Parameter
    private GridService grid;

    @Parameter(label = "name of the grid stack (blank: the current image's)", required = false, persist = false)
    private String name = "";

    @Parameter(label = "projection", choices = {"Average Intensity", "Max Intensity", "Min Intensity", "Sum Slices",
            "Standard Deviation"}, persist = false)
    private String projection = "Average Intensity";

    @Override
    public void run() {
        GridStack g = grid.grid();
        String array = CurrentArray.name(name);
        ArrayMeta meta = g.array(array);
        Projection p = Projection.parse(projection);
        IJProgress progress = new IJProgress(p.label() + " of " + array);
        double[] values = g.project(array, p, progress);
        GridDisplay.showProjection(meta, p, values);
        IJ.showStatus(progress.summary(meta.bytes()));
    }
}
