package org.gridstack.plugin.imglib;

import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.DoubleArray;
import net.imglib2.img.cell.Cell;
import net.imglib2.img.cell.CellGrid;
import net.imglib2.img.cell.LazyCellImg;
import net.imglib2.type.NativeType;
import net.imglib2.type.numeric.real.DoubleType;
import org.gridstack.GridStack;
import org.gridstack.array.ArrayMeta;
import org.gridstack.array.ChunkGrid;
import org.gridstack.plugin.pixels.PixelType;

/**
 * ImgLib2 views of grid data. Axis order in ImgLib2 is (x = col, y = row, t); the backend's chunks are row-major
 * (t, row, col), which is the same flat order, so a chunk is a cell without copying.
 */
public final class GridImgs {
    private GridImgs() {}

    /** A 2-D result (H, W row-major) as an in-memory image of doubles, sharing the array. */
    public static ArrayImg<DoubleType, DoubleArray> frame(double[] rowMajor, int width, int height) {
        return ArrayImgs.doubles(rowMajor, width, height);
    }

    /** A grid array as a lazy cell image: cells are the array's chunks, fetched on demand through a bounded cache. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static <T extends NativeType<T>> Img<T> lazy(GridStack grid, String name) {
        ArrayMeta meta = grid.array(name);
        ChunkGrid g = meta.grid();
        PixelType type = PixelType.of(meta.type());
        long[] shape = g.shape();
        int[] chunk = g.chunkShape();
        CellGrid cells = new CellGrid(new long[] {shape[2], shape[1], shape[0]}, new int[] {chunk[2], chunk[1], chunk[0]});
        LazyCellImg.Get<Cell<?>> get = index -> {
            long[] origin = g.origin(index);
            int[] extent = g.extent(index);
            Object data = grid.chunk(name, index);
            return new Cell<>(new int[] {extent[2], extent[1], extent[0]}, new long[] {origin[2], origin[1], origin[0]}, type.access(data));
        };
        return (Img<T>) new LazyCellImg(cells, type.imglibType(), (LazyCellImg.Get) get);
    }
}
