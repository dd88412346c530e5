package org.gridstack.source;

import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.dataset.ChunkedDataset;
import io.jhdf.exceptions.HdfException;
import java.lang.reflect.Array;
import java.nio.file.Path;
import org.gridstack.array.ArrayMeta;
import org.gridstack.array.Calibration;
import org.gridstack.array.ChunkGrid;
import org.gridstack.array.DataType;
import org.gridstack.array.Recipe;
import org.gridstack.base.GridStackException;

/**
 * A grid array read from a 3-D HDF5 dataset, axes (t, y, x), frames [first, last], with jHDF. Grid chunks are whole
 * frames and, where the file is chunked along t, whole multiples of its chunks (so no file chunk is decompressed for
 * two grid chunks), unless one file chunk is more than {@link #MAX_FOLLOWED_CHUNK} times the target chunk size.
 * Calibration: the {@code element_size_um} attribute (z, y, x) that Fiji's HDF5 plugin and ilastik write gives the
 * pixel size in µm; HDF5 has no common attribute for a frame interval, so none is read.
 */
public final class Hdf5Recipe implements Recipe {
    private static final long serialVersionUID = 1L;
    private static final int MAX_FOLLOWED_CHUNK = 4;

    private final String file;
    private final String dataset;
    private final long firstFrame;

    private Hdf5Recipe(String file, String dataset, long firstFrame) {
        this.file = file;
        this.dataset = dataset;
        this.firstFrame = firstFrame;
    }

    /** What opening found. */
    public record Opened(Hdf5Recipe recipe, DataType type, ChunkGrid grid, Calibration calibration) { }

    /**
     * Opens {@code source} ({@link Hdf5Location}), frames [first, last] ({@code last < 0}: to the end), in chunks of
     * {@code framesPerChunk} frames (0: about {@code targetChunkBytes}, following the file's chunks). Reads metadata only.
     */
    public static Opened open(String source, int first, int last, int framesPerChunk, long targetChunkBytes) {
        Hdf5Location where = Hdf5Location.parse(source);
        if (where == null) throw new GridStackException(source + " is not an HDF5 file");
        try (HdfFile hdf = Hdf5Datasets.open(where)) {
            Dataset d = Hdf5Datasets.find(hdf, where);
            Hdf5Location found = new Hdf5Location(where.file(), d.getPath());
            DataType type = Hdf5Datasets.type(d, found);
            int[] dims = d.getDimensions();
            SliceFormat format = SliceFormat.of(dims[2], dims[1], type, found.toString());
            if (first >= dims[0]) throw new GridStackException("first (" + first + ") is beyond the " + dims[0] + " frames of " + found);
            if (last >= dims[0]) throw new GridStackException("last (" + last + ") is beyond the " + dims[0] + " frames of " + found);
            int frames = (last < 0 ? dims[0] - 1 : last) - first + 1;
            int fileChunk = d instanceof ChunkedDataset ? ((ChunkedDataset) d).getChunkDimensions()[0] : 1;
            int depth;
            if (framesPerChunk > 0) {
                format.checkFramesPerChunk(framesPerChunk, frames);
                depth = Math.min(framesPerChunk, frames);
            } else {
                depth = ChunkGrid.framesPerChunk(frames, format.bytes(), targetChunkBytes);
                if (fileChunk > 1 && fileChunk * format.bytes() <= MAX_FOLLOWED_CHUNK * targetChunkBytes
                        && (long) fileChunk * format.pixels() <= SliceFormat.MAX_PIXELS) {
                    depth = Math.min(frames, Math.max(1, depth / fileChunk) * fileChunk);
                }
            }
            ChunkGrid grid = new ChunkGrid(new long[] {frames, dims[1], dims[2]}, new int[] {depth, dims[1], dims[2]});
            return new Opened(new Hdf5Recipe(where.file(), d.getPath(), first), type, grid, calibration(d));
        } catch (HdfException e) {
            throw new GridStackException("cannot read " + where + ": " + e.getMessage(), e);
        }
    }

    /** The pixel size from {@code element_size_um} (z, y, x; or y, x), else none. */
    static Calibration calibration(Dataset d) {
        Attribute a = d.getAttributes().get("element_size_um");
        if (a == null) return Calibration.NONE;
        Object data = a.getData();
        if (data == null || !data.getClass().isArray() || Array.getLength(data) < 2) return Calibration.NONE;
        int n = Array.getLength(data);
        if (!(Array.get(data, n - 1) instanceof Number)) return Calibration.NONE;
        double height = decimal((Number) Array.get(data, n - 2)), width = decimal((Number) Array.get(data, n - 1));
        if (!(height > 0) || !(width > 0) || height == 1 && width == 1) return Calibration.NONE;
        return new Calibration(height, width, "\u00b5m", 1, null);
    }

    /** A float attribute's value as the decimal it was written as (0.004f is 0.004, not 0.004000000189989805). */
    private static double decimal(Number v) {
        return v instanceof Float ? Double.parseDouble(v.toString()) : v.doubleValue();
    }

    @Override
    public Object makeChunk(ArrayMeta array, long index, ChunkReader parents) {
        long t0 = array.grid().origin(index)[0];
        int frames = array.grid().extent(index)[0];
        Object chunk = array.type().allocate(frames * array.grid().height() * array.grid().width());
        try (HdfFile hdf = new HdfFile(Path.of(file))) {
            Hdf5Frames.read(hdf.getDatasetByPath(dataset), firstFrame + t0, frames, array.type(), chunk);
        } catch (HdfException e) {
            throw new GridStackException("cannot read " + describeFrames(t0, frames) + ": " + e.getMessage(), e);
        }
        return chunk;
    }

    private String describeFrames(long t0, int frames) {
        return file + ":" + dataset + " frames " + (firstFrame + t0) + ".." + (firstFrame + t0 + frames - 1);
    }

    @Override
    public boolean worthSpilling() {
        return false;
    }

    @Override
    public String describe() {
        return "read from HDF5 " + file + ":" + dataset + (firstFrame > 0 ? " from frame " + firstFrame : "");
    }
}
