package org.gridstack.plugin.ij1;

import ij.VirtualStack;
import ij.process.ImageProcessor;
import org.gridstack.GridStack;
import org.gridstack.array.ArrayMeta;
import org.gridstack.plugin.pixels.PixelType;

/**
 * An ImageJ stack whose slices are fetched from the grid as the user scrolls or ImageJ saves it: a batch of
 * frames (a whole chunk's worth for frame-chunked arrays, about 64 MB otherwise) is read at once and kept, so
 * walking the stack reads each chunk once per batch and no more than one batch is held.
 */
public final class GridVirtualStack extends VirtualStack {
    private static final long BATCH_BYTES = 64L << 20;

    private final GridStack grid;
    private final ArrayMeta meta;
    private final PixelType pixelType;
    private final boolean live;
    private final int batchFrames;
    private long batchStart = -1;
    private Object batch;

    public GridVirtualStack(GridStack grid, ArrayMeta meta) {
        this(grid, meta, false);
    }

    /**
     * {@code live}: for an array an operation is still making; shows only chunks already made (zeros elsewhere)
     * and re-reads after {@link #refresh()}.
     */
    public GridVirtualStack(GridStack grid, ArrayMeta meta, boolean live) {
        super(meta.grid().width(), meta.grid().height(), null, null);
        this.grid = grid;
        this.meta = meta;
        this.pixelType = PixelType.of(meta.type());
        this.live = live;
        long frameBytes = (long) meta.grid().width() * meta.grid().height() * meta.type().bytes();
        boolean frameChunks = meta.grid().chunksAlong(1) == 1 && meta.grid().chunksAlong(2) == 1;
        this.batchFrames = frameChunks ? meta.grid().chunkShape()[0] : (int) Math.max(1, BATCH_BYTES / frameBytes);
    }

    @Override
    public synchronized ImageProcessor getProcessor(int n) {
        long t = n - 1;
        if (batch == null || t < batchStart || t >= batchStart + batchFrames) {
            batchStart = t / batchFrames * batchFrames;
            int count = (int) Math.min(batchFrames, meta.grid().frames() - batchStart);
            batch = live ? grid.framesInMemory(meta.name(), batchStart, count) : grid.frames(meta.name(), batchStart, count);
        }
        int plane = meta.grid().width() * meta.grid().height();
        Object pixels = meta.type().allocate(plane);
        System.arraycopy(batch, (int) (t - batchStart) * plane, pixels, 0, plane);
        return pixelType.processor(pixels, meta.grid().width(), meta.grid().height());
    }

    /** Forgets the frames read so far, so that the next read shows chunks made since. */
    public synchronized void refresh() {
        batch = null;
    }

    @Override
    public int getSize() {
        return (int) meta.grid().frames();
    }

    @Override
    public String getSliceLabel(int n) {
        return meta.name() + " t=" + (n - 1);
    }

    @Override
    public int getBitDepth() {
        return pixelType.bitDepth();
    }

    @Override
    public void deleteSlice(int n) {
        throw new UnsupportedOperationException("a grid stack is read-only in ImageJ");
    }
}
