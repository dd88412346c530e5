package org.gridstack.source;

import io.jhdf.api.Dataset;
import io.jhdf.api.dataset.ChunkedDataset;
import io.jhdf.exceptions.HdfException;
import io.jhdf.object.datatype.OrderedDataType;
import java.lang.reflect.Array;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.gridstack.array.DataType;

/**
 * Reads frames [from, from + frames) of a 3-D dataset into a row-major chunk. A chunked dataset is read chunk by
 * chunk, each decompressed once and its rows copied from its bytes in the file's byte order (jHDF 0.9.4's sliced
 * reads of chunked datasets return zeros outside the first chunk). A contiguous dataset is read with jHDF's sliced
 * reads, a bounded number of frames at a time; they come back as Java arrays [frame][row][column], unsigned 8- and
 * 16-bit values as int.
 */
final class Hdf5Frames {
    /** The most elements one contiguous read hands back (as an int[][][] for uint8 too): bounds its memory. */
    private static final long MAX_READ_ELEMENTS = 16L << 20;

    private Hdf5Frames() {}

    static void read(Dataset d, long from, int frames, DataType type, Object chunk) {
        if (d instanceof ChunkedDataset) readChunked((ChunkedDataset) d, from, frames, type, chunk);
        else readContiguous(d, from, frames, type, chunk);
    }

    private static void readChunked(ChunkedDataset d, long from, int frames, DataType type, Object chunk) {
        int[] dims = d.getDimensions(), c = d.getChunkDimensions();
        int height = dims[1], width = dims[2], size = type.bytes();
        ByteOrder order = ((OrderedDataType) d.getDataType()).getByteOrder();
        long to = from + frames;
        for (long ct = from / c[0] * c[0]; ct < to; ct += c[0]) {
            for (int cy = 0; cy < height; cy += c[1]) {
                for (int cx = 0; cx < width; cx += c[2]) {
                    ByteBuffer bytes = chunkBytes(d, new int[] {(int) ct, cy, cx}, type, order);
                    int columns = Math.min(c[2], width - cx);
                    for (long t = Math.max(ct, from); t < Math.min(ct + c[0], to); t++) {
                        for (int y = cy; y < Math.min(cy + c[1], height); y++) {
                            bytes.position((int) ((((t - ct) * c[1] + (y - cy)) * c[2]) * size));
                            type.read(bytes, chunk, (int) (((t - from) * height + y) * width + cx), columns);
                        }
                    }
                }
            }
        }
    }

    /** A chunk's bytes; a chunk never written (HDF5 allocates chunks as they are written) holds the fill value. */
    private static ByteBuffer chunkBytes(ChunkedDataset d, int[] offset, DataType type, ByteOrder order) {
        try {
            return ByteBuffer.wrap(d.getDecompressedChunk(offset)).order(order);
        } catch (HdfException e) {
            if (e.getMessage() == null || !e.getMessage().startsWith("No chunk with offset")) throw e;
        }
        int[] c = d.getChunkDimensions();
        int elements = c[0] * c[1] * c[2];
        ByteBuffer fill = ByteBuffer.allocate(elements * type.bytes()).order(order);
        Number v = d.getFillValue() instanceof Number ? (Number) d.getFillValue() : 0;
        for (int i = 0; i < elements; i++) {
            switch (type) {
                case UINT8: fill.put(v.byteValue()); break;
                case UINT16: case INT16: fill.putShort(v.shortValue()); break;
                case INT32: fill.putInt(v.intValue()); break;
                case FLOAT32: fill.putFloat(v.floatValue()); break;
                default: fill.putDouble(v.doubleValue()); break;
            }
        }
        return fill.flip();
    }

    private static void readContiguous(Dataset d, long from, int frames, DataType type, Object chunk) {
        int[] dims = d.getDimensions();
        int frameElements = dims[1] * dims[2];
        int step = (int) Math.max(1, MAX_READ_ELEMENTS / frameElements);
        for (int t = 0; t < frames; t += step) {
            int n = Math.min(step, frames - t);
            Object read = d.getData(new long[] {from + t, 0, 0}, new int[] {n, dims[1], dims[2]});
            int at = t * frameElements;
            for (Object frame : (Object[]) read) {
                for (Object row : (Object[]) frame) at += copyRow(row, type, chunk, at);
            }
        }
    }

    private static int copyRow(Object row, DataType type, Object chunk, int at) {
        switch (type) {
            case UINT8: {
                int[] r = (int[]) row;
                byte[] c = (byte[]) chunk;
                for (int i = 0; i < r.length; i++) c[at + i] = (byte) r[i];
                return r.length;
            }
            case UINT16: {
                int[] r = (int[]) row;
                short[] c = (short[]) chunk;
                for (int i = 0; i < r.length; i++) c[at + i] = (short) r[i];
                return r.length;
            }
            default: {
                int n = Array.getLength(row);
                System.arraycopy(row, 0, chunk, at, n);
                return n;
            }
        }
    }
}
