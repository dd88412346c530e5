package org.gridstack.source;

import java.io.Serializable;
import java.util.Locale;
import org.gridstack.array.DataType;
import org.gridstack.base.GridStackException;

/** Width, height and element type of one 2-D slice; every slice of a stack must match the first. */
public final class SliceFormat implements Serializable {
    private static final long serialVersionUID = 1L;

    private final int width;
    private final int height;
    private final DataType type;

    public SliceFormat(int width, int height, DataType type) {
        this.width = width;
        this.height = height;
        this.type = type;
    }

    /**
     * The format of a slice whose header says {@code width x height}, checked before anything is allocated: a slice is
     * one Java array, so it holds at most {@link #MAX_PIXELS} pixels. {@code where} names the slice in the message.
     */
    public static SliceFormat of(long width, long height, DataType type, String where) {
        if (width < 1 || height < 1) {
            throw new GridStackException("corrupt image: " + where + " (its header says " + width + " x " + height + " pixels)");
        }
        if (width * height > MAX_PIXELS) {
            throw new GridStackException(String.format(Locale.ROOT, "%s is %d x %d pixels (%,d): more than one slice can hold "
                    + "(2^31 - 1 pixels, the largest Java array; a slice is read whole)", where, width, height, width * height));
        }
        return new SliceFormat((int) width, (int) height, type);
    }

    /** The most pixels a slice (and a chunk) holds: 2^31 - 1, the largest Java array. */
    public static final long MAX_PIXELS = Integer.MAX_VALUE;

    /** The most frames of this format one chunk holds: a chunk is one Java array of at most {@link #MAX_PIXELS} elements. */
    public int maxFramesPerChunk() {
        return (int) (MAX_PIXELS / pixels());
    }

    /**
     * Checks a frames-per-chunk parameter before the chunk grid is made: {@code framesPerChunk} (0: automatic) frames
     * of this format, or all {@code slices} if fewer, must fit in one chunk. The message names the parameter and the
     * limit. For callers that make chunks of min(framesPerChunk, slices) frames.
     */
    public void checkFramesPerChunk(int framesPerChunk, int slices) {
        long frames = Math.min(framesPerChunk, (long) slices);
        if (frames * pixels() > MAX_PIXELS) {
            throw new GridStackException(String.format(Locale.ROOT, "frames per chunk (%d) is too large for slices of %s: a chunk "
                    + "of %d frames would hold %,d pixels, and a chunk holds at most 2^31 - 1; use at most %d frames, or 0 "
                    + "(automatic)", framesPerChunk, this, frames, frames * pixels(), maxFramesPerChunk()));
        }
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public DataType type() {
        return type;
    }

    public int pixels() {
        return width * height;
    }

    public long bytes() {
        return (long) pixels() * type.bytes();
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof SliceFormat)) return false;
        SliceFormat f = (SliceFormat) o;
        return width == f.width && height == f.height && type == f.type;
    }

    @Override
    public int hashCode() {
        return (width * 31 + height) * 31 + type.hashCode();
    }

    /** E.g. "512 x 512 8-bit". */
    @Override
    public String toString() {
        return width + " x " + height + " " + type.label();
    }
}
