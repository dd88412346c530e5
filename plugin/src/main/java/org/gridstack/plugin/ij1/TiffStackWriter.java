package org.gridstack.plugin.ij1;

import ij.ImagePlus;
import ij.io.FileSaver;
import java.io.File;
import java.util.Locale;
import org.gridstack.GridStack;
import org.gridstack.array.ArrayMeta;
import org.gridstack.base.GridStackException;

/**
 * Writes any grid array as a TIFF (stack) ImageJ reads back (8, 16 or 32-bit), with ImageJ's own writer walking a
 * {@link GridVirtualStack}: slices are fetched batch by batch, the array is never gathered into one heap.
 */
public final class TiffStackWriter {
    private TiffStackWriter() {}

    public static void write(GridStack grid, String name, String path) {
        File folder = new File(path).getAbsoluteFile().getParentFile();
        if (folder != null && !folder.isDirectory()) {
            throw new GridStackException("cannot save " + name + ": folder " + folder + " does not exist");
        }
        ArrayMeta meta = grid.array(name);
        requireRoom(meta, folder == null ? new File(".").getAbsoluteFile() : folder, path);
        ImagePlus imp = ImageAxes.stack(new ImagePlus(name, new GridVirtualStack(grid, meta)), meta);
        FileSaver saver = new FileSaver(imp);
        boolean saved = imp.getStackSize() > 1 ? saver.saveAsTiffStack(path) : saver.saveAsTiff(path);
        if (!saved) throw new GridStackException("cannot save " + name + " to " + path);
    }

    /** A TIFF is as large as the array: refuse up front, with the sizes, rather than fill the disk and fail half-way. */
    private static void requireRoom(ArrayMeta meta, File folder, String path) {
        long bytes = meta.bytes() + meta.grid().frames() * 1024 + (1 << 20);
        long free = folder.getUsableSpace();
        if (bytes > free) {
            throw new GridStackException(String.format(Locale.ROOT, "cannot save %s to %s: the TIFF would be %.1f GB and %s has "
                    + "%.1f GB free; free some space, choose another folder, or keep the result in the grid",
                    meta.name(), path, bytes / 1e9, folder, free / 1e9));
        }
    }
}
