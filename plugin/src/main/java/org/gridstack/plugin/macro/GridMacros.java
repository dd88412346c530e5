package org.gridstack.plugin.macro;

import org.gridstack.GridStack;
import org.gridstack.array.ArrayMeta;
import org.gridstack.base.Progress;
import org.gridstack.ops.map.Measurements;

/**
 * The script API for running your own code on every slice of a grid array, where the slices live:
 * <pre>
 * import org.gridstack.plugin.macro.GridMacros
 * GridMacros.map(grid, "stack", "blurred", 'run("Gaussian Blur...", "sigma=2");')
 * rows = GridMacros.measure(grid, "stack", 'setResult("Mean", nResults, getValue("Mean"));')
 * GridMacros.mapGroovy(grid, "stack", "inverted", 'imp.getProcessor().invert(); imp')
 * </pre>
 * Macros run in ImageJ 1 instances of their own on every core of every server (see {@link ImageJLanes}); a Groovy
 * script sees the slice as {@code imp} and returns the image to keep (or changes {@code imp}); measuring, it
 * returns a map (one row) or a list of maps, or leaves rows in the Results table.
 */
public final class GridMacros {
    private GridMacros() {}

    /** A new array: {@code macro} (ImageJ macro code) run on each slice of {@code source}. */
    public static ArrayMeta map(GridStack grid, String source, String target, String macro) {
        return map(grid, source, target, new UserCode(UserCode.Language.MACRO, macro, null), false, Progress.NONE);
    }

    /** As {@link #map(GridStack, String, String, String)}, the macro seeing a whole chunk as one small stack per call. */
    public static ArrayMeta mapChunks(GridStack grid, String source, String target, String macro) {
        return map(grid, source, target, new UserCode(UserCode.Language.MACRO, macro, null), true, Progress.NONE);
    }

    /** A new array: the Groovy {@code script} run on each slice of {@code source} (the slice is {@code imp}). */
    public static ArrayMeta mapGroovy(GridStack grid, String source, String target, String script) {
        return map(grid, source, target, new UserCode(UserCode.Language.GROOVY, script, null), false, Progress.NONE);
    }

    public static ArrayMeta map(GridStack grid, String source, String target, UserCode code, boolean wholeChunks, Progress progress) {
        return grid.map(source, target, new MacroMapper(code, wholeChunks), progress);
    }

    /** The Results-table rows {@code macro} leaves for each slice of {@code source}, ordered by slice. */
    public static Measurements measure(GridStack grid, String source, String macro) {
        return measure(grid, source, new UserCode(UserCode.Language.MACRO, macro, null), Progress.NONE);
    }

    /** The rows the Groovy {@code script} returns (a map or a list of maps) for each slice of {@code source}. */
    public static Measurements measureGroovy(GridStack grid, String source, String script) {
        return measure(grid, source, new UserCode(UserCode.Language.GROOVY, script, null), Progress.NONE);
    }

    public static Measurements measure(GridStack grid, String source, UserCode code, Progress progress) {
        return grid.measure(source, new MacroMeasurer(code), progress);
    }
}
