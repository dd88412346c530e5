package org.gridstack.plugin.commands;

import ij.IJ;
import org.gridstack.plugin.GridService;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/** Leaves the cluster; its grid arrays stay on the servers. Later commands use the embedded grid. */
@Plugin(type = Command.class, label = "Disconnect from Grid")
public final class DisconnectFromGrid implements Command {
    @Parameter
    private GridService grid;

    @Override
    public void run() {
        grid.disconnect();
        IJ.log("Grid Stack: disconnected; using the embedded grid");
    }
}
