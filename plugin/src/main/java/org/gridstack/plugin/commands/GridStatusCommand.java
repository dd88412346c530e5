package org.gridstack.plugin.commands;

import ij.measure.ResultsTable;
import org.gridstack.GridStack;
import org.gridstack.array.ArrayMeta;
import org.gridstack.grid.NodeReport;
import org.gridstack.plugin.GridService;
import org.gridstack.plugin.ij1.GridDisplay;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/** Two tables: the grid's server nodes (CPUs, heap, chunk memory, chunks held) and its arrays. */
@Plugin(type = Command.class, label = "Grid Status")
public final class GridStatusCommand implements Command {
    private static final double MB = 1 << 20;

    @Parameter
    private GridService grid;

    @Override
    public void run() {
        GridStack g = grid.grid();
        ResultsTable nodes = new ResultsTable();
        for (NodeReport n : g.nodes()) {
            nodes.incrementCounter();
            nodes.addValue("node", n.addresses);
            nodes.addValue("cpus", n.cpus);
            nodes.addValue("heap used MB", n.heapUsed / MB);
            nodes.addValue("heap max MB", n.heapMax / MB);
            nodes.addValue("chunk memory used MB", n.offHeapUsed / MB);
            nodes.addValue("chunk memory max MB", n.offHeapMax / MB);
            nodes.addValue("chunks held", n.chunks);
        }
        GridDisplay.showTable(nodes, "Grid Nodes");
        ResultsTable arrays = new ResultsTable();
        for (ArrayMeta a : g.arrays()) {
            long[] shape = a.grid().shape();
            arrays.incrementCounter();
            arrays.addValue("array", a.name());
            arrays.addValue("type", a.type().label());
            arrays.addValue("T", shape[0]);
            arrays.addValue("H", shape[1]);
            arrays.addValue("W", shape[2]);
            arrays.addValue("MB", a.bytes() / MB);
            arrays.addValue("chunks", a.grid().chunkCount());
            arrays.addValue("chunks in memory", g.chunksInMemory(a.name()));
            arrays.addValue("made by", a.recipe().describe() + (a.incompleteNote() == null ? "" : " (incomplete: " + a.incompleteNote() + ")"));
        }
        GridDisplay.showTable(arrays, "Grid Arrays");
    }
}
