package org.gridstack.plugin.commands;

import ij.IJ;
import org.gridstack.GridStack;
import org.gridstack.plugin.GridService;
import org.gridstack.plugin.ij1.CurrentArray;
import org.gridstack.plugin.ij1.IJProgress;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/** Copies a grid array into time-series blocks (T, b, b): the all-to-all shuffle, with bounded memory. */
@Plugin(type = Command.class, label = "Grid Rechunk...")
public final class GridRechunk implements Command {
    @Parameter
    private GridService grid;

    @Parameter(label = "name of the grid array (blank: the current image's)", required = false, persist = false)
    private String name = "";

    @Parameter(label = "block side b in pixels (blank: automatic)", required = false, persist = false)
    private String block = "";

    @Parameter(label = "target array name (blank: <name>_blocks)", required = false, persist = false)
    private String target = "";

    @Parameter(label = "overwrite an existing array of that name", persist = false)
    private boolean overwrite = false;

    @Override
    public void run() {
        GridStack g = overwrite ? grid.grid().overwriting() : grid.grid();
        String source = CurrentArray.name(name);
        String out = Inputs.targetName(g, target, source, "_blocks", overwrite);
        Integer b = Inputs.parse("block", block, 1);
        IJProgress progress = new IJProgress("Rechunk " + source);
        if (b == null) g.rechunk(source, out, progress);
        else g.rechunk(source, out, b, progress);
        IJ.showStatus(progress.summary(g.array(source).bytes()));
    }
}
