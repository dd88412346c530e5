package org.gridstack.plugin.commands;

import ij.IJ;
import org.gridstack.GridStack;
import org.gridstack.array.ArrayMeta;
import org.gridstack.plugin.GridService;
import org.gridstack.plugin.ij1.CurrentArray;
import org.gridstack.plugin.ij1.IJProgress;
import org.gridstack.plugin.ij1.LiveResult;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * Power spectrum |FFT|² of every pixel's time series (full length, unnormalised, float32) as a new grid array in
 * time-series blocks; rechunk and FFT run fused, each block transformed on its owner. Slice k is frequency k.
 */
@Plugin(type = Command.class, label = "Grid FFT Power...")
public final class GridFftPower implements Command {
    @Parameter
    private GridService grid;

    @Parameter(label = "name of the grid array (blank: the current image's)", required = false, persist = false)
    private String name = "";

    @Parameter(label = "block side b in pixels (blank: automatic)", required = false, persist = false)
    private String block = "";

    @Parameter(label = "target array name (blank: <name>_power)", required = false, persist = false)
    private String target = "";

    @Parameter(label = "show the result", persist = false)
    private boolean show = true;

    @Parameter(label = "overwrite an existing array of that name", persist = false)
    private boolean overwrite = false;

    @Override
    public void run() {
        GridStack g = overwrite ? grid.grid().overwriting() : grid.grid();
        String source = CurrentArray.name(name);
        String out = Inputs.targetName(g, target, source, "_power", overwrite);
        Integer b = Inputs.parse("block", block, 1);
        IJProgress progress = new IJProgress("FFT power of " + source);
        LiveResult live = new LiveResult(g, out, progress, show);
        ArrayMeta power = b == null ? g.fftPower(source, out, live) : g.fftPower(source, out, b, live);
        live.finish(power);
        IJ.showStatus(progress.summary(g.array(source).bytes()));
    }
}
