package org.gridstack.plugin.commands;

import ij.IJ;
import org.gridstack.GridStack;
import org.gridstack.plugin.GridService;
import org.gridstack.plugin.ij1.CurrentArray;
import org.gridstack.plugin.ij1.IJProgress;
import org.gridstack.plugin.ij1.TiffStackWriter;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * Saves a grid array as a TIFF stack ImageJ reads back (8, 16 or 32-bit), with ImageJ's own TIFF writer walking a
 * virtual stack: batches of slices are fetched and written, the array is never gathered into one heap.
 */
@Plugin(type = Command.class, label = "Save Grid Stack...")
public final class SaveGridStack implements Command {
    @Parameter
    private GridService grid;

    @Parameter(label = "name of the grid array (blank: the current image's)", required = false, persist = false)
    private String name = "";

    @Parameter(label = "path of the file (TIFF) or new folder (Zarr) to write", style = "save", persist = false)
    private String path;

    @Parameter(label = "format", choices = {"TIFF", "Zarr"}, persist = false)
    private String format = "TIFF";

    @Parameter(label = "overwrite an existing Zarr store there", persist = false)
    private boolean overwrite = false;

    @Override
    public void run() {
        GridStack g = grid.grid();
        String array = CurrentArray.name(name);
        IJProgress progress = new IJProgress("Save " + array + " to Zarr");
        if (format.equals("Zarr") && overwrite) g.saveZarrReplacing(array, path.trim(), progress);
        else if (format.equals("Zarr")) g.saveZarr(array, path.trim(), progress);
        else TiffStackWriter.write(g, array, path.trim());
        IJ.showStatus("Saved " + array + " to " + path.trim());
    }
}
