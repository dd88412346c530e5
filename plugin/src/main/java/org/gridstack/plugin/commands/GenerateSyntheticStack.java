package org.gridstack.plugin.commands;

import ij.IJ;
import java.io.IOException;
import java.nio.file.Paths;
import org.gridstack.base.GridStackException;
import org.gridstack.sample.SyntheticStack;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/** Writes a deterministic EM-like test stack (one TIFF per slice), so the plugin can be tried without data. */
@Plugin(type = Command.class, label = "Generate Synthetic Stack...")
public final class GenerateSyntheticStack implements Command {
    @Parameter(label = "folder to write slice_00000.tif ... into", style = "directory", persist = false)
    private String folder;

    @Parameter(label = "slices", min = "1", persist = false)
    private int slices = 200;

    @Parameter(label = "height", min = "8", persist = false)
    private int height = 512;

    @Parameter(label = "width", min = "8", persist = false)
    private int width = 512;

    @Parameter(label = "seed", persist = false)
    private long seed = 42;

    @Parameter(type = ItemIO.OUTPUT)
    private String pattern;

    @Override
    public void run() {
        try {
            pattern = new SyntheticStack(slices, height, width, seed).writeTiffs(Paths.get(folder));
        } catch (IOException | IllegalArgumentException e) {
            throw new GridStackException("cannot write the synthetic stack into " + folder + ": " + e.getMessage(), e);
        }
        IJ.log("Synthetic stack: " + slices + " slices of " + width + " x " + height + " in " + pattern);
    }
}
