package org.gridstack.plugin.commands;

import ij.IJ;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gridstack.GridStack;
import org.gridstack.array.ArrayMeta;
import org.gridstack.plugin.GridService;
import org.gridstack.plugin.ij1.GridDisplay;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * Opens a stack of 2-D images, a Zarr array or an HDF5 dataset lazily as a grid array; nothing is read but headers
 * and metadata. It shows with its calibration, frames on the T axis.
 */
@Plugin(type = Command.class, label = "Open Grid Stack...")
public final class OpenGridStack implements Command {
    @Parameter
    private GridService grid;

    @Parameter(label = "source: folder, file pattern (slice_%05d.tif), URL pattern, TIFF, Zarr / OME-Zarr folder, or HDF5 file.h5:/dataset", style = "directory", persist = false)
    private String source;

    @Parameter(label = "first index", min = "0", persist = false)
    private int first = 0;

    @Parameter(label = "last index (-1: to the end)", min = "-1", persist = false)
    private int last = -1;

    @Parameter(label = "name (blank: from the source)", required = false, persist = false)
    private String name = "";

    @Parameter(label = "frames per chunk (0: automatic, about 16 MB)", min = "0", persist = false)
    private int frames = 0;

    @Parameter(label = "show the stack in a window", persist = false)
    private boolean show = true;

    @Parameter(type = ItemIO.OUTPUT)
    private String arrayName;

    @Parameter(label = "overwrite an existing array of that name", persist = false)
    private boolean overwrite = false;

    @Override
    public void run() {
        GridStack g = overwrite ? grid.grid().overwriting() : grid.grid();
        String arrayName = name == null || name.isBlank() ? GridStack.defaultName(source) : name.trim();
        ArrayMeta meta = isZarr(source) ? g.openZarr(arrayName, source.trim()) : g.open(arrayName, source, first, last, frames);
        this.arrayName = meta.name();
        IJ.showStatus("Opened grid stack " + meta);
        if (show) GridDisplay.showStack(g, meta);
    }

    /** A Zarr array or group folder (its chunks are its own; first, last and frames do not apply). */
    private static boolean isZarr(String source) {
        Path folder = Path.of(source.trim());
        return Files.isDirectory(folder) && (Files.exists(folder.resolve(".zarray")) || Files.exists(folder.resolve(".zgroup")));
    }
}
