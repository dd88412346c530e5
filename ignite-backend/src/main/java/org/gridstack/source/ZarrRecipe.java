package org.gridstack.source;

import java.nio.file.Files;
import java.nio.file.Path;
import org.gridstack.array.ArrayMeta;
import org.gridstack.array.Calibration;
import org.gridstack.array.ChunkGrid;
import org.gridstack.array.DataType;
import org.gridstack.array.Recipe;
import org.gridstack.base.GridStackException;
import org.gridstack.zarr.OmeNgff;
import org.gridstack.zarr.ZarrArray;
import org.gridstack.zarr.ZarrDtype;
import org.gridstack.zarr.ZarrGroup;

/**
 * A grid array read from a Zarr v2 array (t, y, x), chunk for chunk: the grid's chunks are the Zarr array's own,
 * each read, on the node that owns it, from the chunk file of the same position. The path is a Zarr array, or an
 * OME-NGFF image group (its first scale level is read). A 2-D array is one frame. Its files are its copy on disk.
 */
public final class ZarrRecipe implements Recipe {
    private static final long serialVersionUID = 1L;

    private final String arrayPath;

    private ZarrRecipe(String arrayPath) {
        this.arrayPath = arrayPath;
    }

    /** The recipe, the array's element type, its chunk grid and calibration, from the array or image at {@code path}. */
    public static Opened open(Path path) {
        Calibration calibration = Calibration.NONE;
        Path array = path;
        if (!Files.exists(path.resolve(".zarray"))) {
            OmeNgff.Multiscale image = image(path);
            array = path.resolve(image.datasets().get(0).path());
            calibration = calibration(image);
        }
        ZarrArray zarr = ZarrArray.open(array);
        long[] shape = zarr.header().shape();
        int[] chunks = zarr.header().chunks();
        if (shape.length == 2) {
            shape = new long[] {1, shape[0], shape[1]};
            chunks = new int[] {1, chunks[0], chunks[1]};
        }
        if (shape.length != 3) {
            throw new GridStackException("Zarr array " + array + " has " + shape.length + " dimensions; Grid Stack opens (t, y, x) or (y, x)");
        }
        return new Opened(new ZarrRecipe(array.toString()), type(zarr.header().dtype(), array), new ChunkGrid(shape, chunks), calibration);
    }

    private static OmeNgff.Multiscale image(Path group) {
        if (!Files.exists(group.resolve(".zgroup"))) throw new GridStackException(group + " is neither a Zarr array nor an OME-NGFF image");
        return OmeNgff.read(ZarrGroup.open(group));
    }

    /** Pixel size and frame interval of a (t, y, x) image's first level; none for other axes. */
    private static Calibration calibration(OmeNgff.Multiscale image) {
        double[] scale = image.datasets().get(0).scale();
        if (image.axes().size() != 3 || scale == null || scale.length != 3) return Calibration.NONE;
        return new Calibration(scale[1], scale[2], OmeNgff.imagejUnit(image.axes().get(1).unit()), scale[0],
                OmeNgff.imagejUnit(image.axes().get(0).unit()));
    }

    private static DataType type(ZarrDtype dtype, Path where) {
        if (dtype.kind() == 'u' && dtype.size() == 1) return DataType.UINT8;
        if (dtype.kind() == 'u' && dtype.size() == 2) return DataType.UINT16;
        if (dtype.kind() == 'f' && dtype.size() == 4) return DataType.FLOAT32;
        if (dtype.kind() == 'f' && dtype.size() == 8) return DataType.FLOAT64;
        throw new GridStackException("Zarr array " + where + " holds " + dtype.typestr() + "; Grid Stack opens u1, u2, f4 and f8");
    }

    /** What opening found. */
    public record Opened(ZarrRecipe recipe, DataType type, ChunkGrid grid, Calibration calibration) { }

    @Override
    public Object makeChunk(ArrayMeta array, long index, ChunkReader parents) {
        long[] position = array.grid().position(index);
        ZarrArray zarr = ZarrArray.open(Path.of(arrayPath));
        return zarr.readChunkInside(zarr.header().shape().length == 2 ? new long[] {position[1], position[2]} : position);
    }

    @Override
    public boolean worthSpilling() {
        return false;
    }

    @Override
    public String describe() {
        return "read from Zarr " + arrayPath;
    }
}
