package org.gridstack.ops.map;

import java.io.Serializable;
import org.gridstack.array.DataType;
import org.gridstack.base.GridStackException;

/**
 * Consecutive whole frames of an array, as a user's function sees them: {@code count} frames of height x width from
 * frame {@code first} (0-based), row-major in one primitive array of {@code type}. (A class, not a record: Ignite's
 * marshaller cannot write records.)
 */
public final class Frames implements Serializable {
    private static final long serialVersionUID = 1L;

    private final DataType type;
    private final long first;
    private final int count;
    private final int height;
    private final int width;
    private final Object pixels;

    public Frames(DataType type, long first, int count, int height, int width, Object pixels) {
        long length = (long) count * height * width;
        if (!type.allocate(0).getClass().isInstance(pixels) || java.lang.reflect.Array.getLength(pixels) != length) {
            throw new GridStackException("frames " + (first + 1) + ".." + (first + count) + ": expected " + length + " "
                    + type.label() + " pixels, got " + describe(pixels));
        }
        this.type = type;
        this.first = first;
        this.count = count;
        this.height = height;
        this.width = width;
        this.pixels = pixels;
    }

    public DataType type() {
        return type;
    }

    /** The first frame's index, 0-based. */
    public long first() {
        return first;
    }

    public int count() {
        return count;
    }

    public int height() {
        return height;
    }

    public int width() {
        return width;
    }

    /** Row-major (count, height, width) pixels: byte[], short[], float[], ... as {@link #type()} says. */
    public Object pixels() {
        return pixels;
    }

    /** Frames [from, from + n) of these, counted from {@link #first()}, copied. */
    public Frames part(int from, int n) {
        int frame = height * width;
        Object copy = type.allocate(n * frame);
        System.arraycopy(pixels, from * frame, copy, 0, n * frame);
        return new Frames(type, first + from, n, height, width, copy);
    }

    /** "8-bit 512x512" (ImageJ's order: width x height). */
    public String shape() {
        return type.label() + " " + width + "x" + height;
    }

    /** The 1-based slice numbers these frames are in ImageJ's terms, e.g. "slice 17" or "slices 17-32". */
    public String slices() {
        return count == 1 ? "slice " + (first + 1) : "slices " + (first + 1) + "-" + (first + count);
    }

    private static String describe(Object pixels) {
        return pixels == null ? "none" : java.lang.reflect.Array.getLength(pixels) + " in a " + pixels.getClass().getSimpleName();
    }
}
