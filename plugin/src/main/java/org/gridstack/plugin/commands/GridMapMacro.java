package org.gridstack.plugin.commands;

import ij.IJ;
import org.gridstack.GridStack;
import org.gridstack.array.ArrayMeta;
import org.gridstack.plugin.GridService;
import org.gridstack.plugin.ij1.CurrentArray;
import org.gridstack.plugin.ij1.IJProgress;
import org.gridstack.plugin.ij1.LiveResult;
import org.gridstack.plugin.macro.GridMacros;
import org.gridstack.plugin.macro.UserCode;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * Runs the user's ImageJ macro (or Groovy script) on every slice of a grid array, where the slices live, on every
 * core; the images it leaves make a new grid array of the type and size the macro gives (the same for every slice).
 */
@Plugin(type = Command.class, label = "Grid Map Macro...")
public final class GridMapMacro implements Command {
    static final String ONE_SLICE = "one slice at a time";
    static final String WHOLE_CHUNK = "a chunk as a small stack";

    @Parameter
    private GridService grid;

    @Parameter(label = "name of the grid stack (blank: the current image's)", required = false, persist = false)
    private String name = "";

    @Parameter(label = "macro (a .ijm or .groovy file, or the macro code)", style = "open", persist = false)
    private String macro = "";

    @Parameter(label = "sees (what the macro gets per call)", choices = {ONE_SLICE, WHOLE_CHUNK}, persist = false)
    private String sees = ONE_SLICE;

    @Parameter(label = "target array name (blank: <name>_mapped)", required = false, persist = false)
    private String target = "";

    @Parameter(label = "show the result", persist = false)
    private boolean show = true;

    @Parameter(label = "overwrite an existing array of that name", persist = false)
    private boolean overwrite = false;

    @Override
    public void run() {
        GridStack g = overwrite ? grid.grid().overwriting() : grid.grid();
        String source = CurrentArray.name(name);
        UserCode code = UserCode.fromFileOrText(macro);
        String out = Inputs.targetName(g, target, source, "_mapped", overwrite);
        IJProgress progress = new IJProgress("Map " + code.describe() + " over " + source);
        LiveResult live = new LiveResult(g, out, progress, show);
        ArrayMeta result = GridMacros.map(g, source, out, code, WHOLE_CHUNK.equals(sees), live);
        live.finish(result);
        IJ.showStatus(progress.summary(g.array(source).bytes()));
    }
}
