package org.gridstack.zarr;

import java.io.IOException;
import java.lang.reflect.Array;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.gridstack.base.GridStackException;

/**
 * A Zarr v2 array in a directory: {@code .zarray}, optional {@code .zattrs}, and one file per chunk under its key
 * ("i.j.k", or "i/j/k" in nested folders). Chunks are read and written whole, as Java primitive arrays in C order
 * of the full chunk shape ({@link ZarrDtype} says which array type); edge chunks are stored full size, the part
 * outside the array padded with the fill value. A chunk with no file reads as the fill value.
 *
 * <p>Thread- and process-safe for chunk I/O: an instance holds only the header, and every file is written to a
 * temporary file in the same directory and renamed over its key, so several threads or processes may write
 * different chunks of one array in one shared folder, and readers never see half a chunk. (Attributes are
 * replaced whole; concurrent read-modify-write of {@code .zattrs} is the caller's to serialize.)
 */
public final class ZarrArray {
    private final Path dir;
    private final ZarrHeader header;

    private ZarrArray(Path dir, ZarrHeader header) {
        this.dir = dir;
        this.header = header;
    }

    /** Opens the array in {@code dir}; fails naming the file if {@code .zarray} is absent, invalid or unsupported. */
    public static ZarrArray open(Path dir) {
        Path file = dir.resolve(ZarrFiles.ZARRAY);
        Map<String, Object> json = ZarrFiles.readObject(file);
        if (json == null) {
            if (Files.exists(dir.resolve(ZarrFiles.ZGROUP))) throw new GridStackException(dir + " is a Zarr group, not an array (it has .zgroup, no .zarray)");
            if (Files.exists(dir.resolve("zarr.json"))) throw new GridStackException(dir + " is a Zarr v3 node (zarr.json); only Zarr v2 is supported");
            throw new GridStackException("no Zarr array in " + dir + " (no .zarray)");
        }
        return new ZarrArray(dir, ZarrHeader.fromJson(json, file.toString()));
    }

    /**
     * Creates an array in {@code dir} (created if needed) by writing its {@code .zarray}. Refuses a directory that
     * already holds a Zarr array or group: remove it first to replace it (old chunks would otherwise remain).
     */
    public static ZarrArray create(Path dir, ZarrHeader header) {
        if (Files.exists(dir.resolve(ZarrFiles.ZARRAY))) throw new GridStackException(dir + " already holds a Zarr array");
        if (Files.exists(dir.resolve(ZarrFiles.ZGROUP))) throw new GridStackException(dir + " already holds a Zarr group");
        ZarrFiles.writeJson(dir.resolve(ZarrFiles.ZARRAY), header.toJson());
        return new ZarrArray(dir, header);
    }

    public Path path() {
        return dir;
    }

    public ZarrHeader header() {
        return header;
    }

    /** Chunks along each dimension. */
    public long[] chunkGridShape() {
        return header.chunkGridShape();
    }

    /** The key of a chunk: its indices joined by the dimension separator; "0" for the one chunk of a 0-d array. */
    public String chunkKey(long[] chunkIndex) {
        checkIndex(chunkIndex);
        if (chunkIndex.length == 0) return "0";
        StringBuilder key = new StringBuilder();
        for (int d = 0; d < chunkIndex.length; d++) {
            if (d > 0) key.append(header.dimensionSeparator());
            key.append(chunkIndex[d]);
        }
        return key.toString();
    }

    /** The file of a chunk (which may not exist). */
    public Path chunkPath(long[] chunkIndex) {
        return dir.resolve(chunkKey(chunkIndex));
    }

    /** Whether the chunk has a file (a chunk without one reads as the fill value). */
    public boolean chunkExists(long[] chunkIndex) {
        return Files.isRegularFile(chunkPath(chunkIndex));
    }

    /** The part of a chunk inside the array: its chunk shape, clipped at the array's upper edges. */
    public int[] chunkExtent(long[] chunkIndex) {
        checkIndex(chunkIndex);
        long[] shape = header.shape();
        int[] chunks = header.chunks();
        int[] extent = new int[chunks.length];
        for (int d = 0; d < extent.length; d++) extent[d] = (int) Math.min(chunks[d], shape[d] - chunkIndex[d] * chunks[d]);
        return extent;
    }

    /**
     * Reads a chunk as a new Java array (see {@link ZarrDtype#arrayClass()}) of the full chunk shape in C order; a
     * chunk without a file reads as the fill value (zeros if there is none). A file that does not decode to exactly
     * one chunk fails with a message naming it.
     */
    public Object readChunk(long[] chunkIndex) {
        Path file = chunkPath(chunkIndex);
        byte[] stored;
        try {
            stored = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return filledChunk();
        } catch (IOException e) {
            throw new GridStackException("cannot read Zarr chunk " + file + ": " + e, e);
        }
        byte[] raw = header.compressor().decode(stored, header.chunkBytes(), file.toString());
        return header.dtype().decode(raw, header.chunkElements());
    }

    /** Reads a chunk and keeps only its part inside the array ({@link #chunkExtent}), in C order of that extent. */
    public Object readChunkInside(long[] chunkIndex) {
        Object full = readChunk(chunkIndex);
        int[] extent = chunkExtent(chunkIndex);
        if (Arrays.equals(extent, header.chunks())) return full;
        Object inside = header.dtype().newArray(product(extent));
        copyBox(full, header.chunks(), inside, extent, extent);
        return inside;
    }

    /**
     * Writes a chunk: {@code data} is an array of the dtype's Java type holding either the full chunk shape or only
     * the chunk's part inside the array ({@link #chunkExtent}), in C order. An edge chunk given by its inside part
     * is padded to full size with the fill value, as Zarr stores edge chunks.
     */
    public void writeChunk(long[] chunkIndex, Object data) {
        Path file = chunkPath(chunkIndex);
        Class<?> type = header.dtype().arrayClass();
        if (data == null || data.getClass() != type) {
            throw new GridStackException("chunk data for " + file + " must be a " + type.getSimpleName() + " (dtype " + header.dtype() + "), not "
                    + (data == null ? "null" : data.getClass().getSimpleName()));
        }
        int length = Array.getLength(data);
        int full = header.chunkElements();
        int[] extent = chunkExtent(chunkIndex);
        Object chunk = data;
        if (length != full) {
            if (length != product(extent)) {
                throw new GridStackException("chunk data for " + file + " has " + length + " elements; the chunk has " + full + " "
                        + Arrays.toString(header.chunks()) + ", of which " + product(extent) + " " + Arrays.toString(extent) + " inside the array");
            }
            chunk = filledChunk();
            copyBox(data, extent, chunk, header.chunks(), extent);
        }
        ZarrFiles.writeAtomically(file, header.compressor().encode(header.dtype().encode(chunk)));
    }

    /** Removes a chunk's file, if any (it then reads as the fill value). */
    public void deleteChunk(long[] chunkIndex) {
        Path file = chunkPath(chunkIndex);
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new GridStackException("cannot delete Zarr chunk " + file + ": " + e, e);
        }
    }

    /** The user attributes ({@code .zattrs}) as a mutable map in file order; empty when there are none. */
    public Map<String, Object> attributes() {
        return ZarrFiles.readAttributes(dir);
    }

    /** Replaces the user attributes with a JSON-serializable map (maps, lists, strings, numbers, booleans, null). */
    public void writeAttributes(Map<String, ?> attributes) {
        ZarrFiles.writeAttributes(dir, attributes);
    }

    private Object filledChunk() {
        Object chunk = header.dtype().newArray(header.chunkElements());
        header.dtype().fill(chunk, header.fillValue());
        return chunk;
    }

    private void checkIndex(long[] chunkIndex) {
        long[] grid = header.chunkGridShape();
        boolean ok = chunkIndex != null && chunkIndex.length == grid.length;
        for (int d = 0; ok && d < grid.length; d++) ok = chunkIndex[d] >= 0 && chunkIndex[d] < grid[d];
        if (!ok) {
            throw new GridStackException("chunk index " + Arrays.toString(chunkIndex) + " is outside the chunk grid " + Arrays.toString(grid) + " of the Zarr array " + dir);
        }
    }

    private static int product(int[] a) {
        int n = 1;
        for (int x : a) n *= x;
        return n;
    }

    /** Copies the box [0, extent) between two C-order arrays of shapes srcShape and dstShape, a row at a time. */
    static void copyBox(Object src, int[] srcShape, Object dst, int[] dstShape, int[] extent) {
        int rank = extent.length;
        if (rank == 0) {
            System.arraycopy(src, 0, dst, 0, 1);
            return;
        }
        for (int e : extent) if (e == 0) return;
        int row = extent[rank - 1];
        int[] pos = new int[rank - 1];
        while (true) {
            int s = 0;
            int t = 0;
            for (int d = 0; d < rank - 1; d++) {
                s = s * srcShape[d] + pos[d];
                t = t * dstShape[d] + pos[d];
            }
            System.arraycopy(src, s * srcShape[rank - 1], dst, t * dstShape[rank - 1], row);
            int d = rank - 2;
            while (d >= 0 && ++pos[d] == extent[d]) pos[d--] = 0;
            if (d < 0) return;
        }
    }

    @Override
    public String toString() {
        return dir + ": " + header;
    }
}
