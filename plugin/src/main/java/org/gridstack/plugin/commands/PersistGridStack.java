package org.gridstack.plugin.commands;

import ij.IJ;
import org.gridstack.plugin.GridService;
import org.gridstack.plugin.ij1.CurrentArray;
import org.gridstack.plugin.ij1.IJProgress;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/** Loads every chunk of a grid stack into grid memory now, with progress; Esc cancels (loaded chunks stay). */
@Plugin(type = Command.class, label = "Persist Grid Stack")
public final class PersistGridStack implements Command {
    @Parameter
    private GridService grid;

    @Parameter(label = "name of the grid stack (blank: the current image's)", required = false, persist = false)
    private String name = "";

    @Override
    public void run() {
        String array = CurrentArray.name(name);
        IJProgress progress = new IJProgress("Persist " + array);
        long bytes = grid.grid().persist(array, progress);
        IJ.showStatus(progress.summary(bytes));
        IJ.showProgress(1.0);
    }
}
