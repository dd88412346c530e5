package org.gridstack.source;

import java.io.Serializable;
import org.gridstack.array.DataType;

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
