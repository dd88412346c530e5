package org.gridstack.ops.map;

import java.io.Serializable;
import org.gridstack.array.DataType;
import org.gridstack.base.GridStackException;

/** The type and frame size every call of a mapped function must give: what the first call gave. */
public final class OutputShape implements Serializable {
    private static final long serialVersionUID = 1L;

    private final DataType type;
    private final int height;
    private final int width;

    public OutputShape(DataType type, int height, int width) {
        this.type = type;
        this.height = height;
        this.width = width;
    }

    public static OutputShape of(Frames frames) {
        return new OutputShape(frames.type(), frames.height(), frames.width());
    }

    /** Refuses {@code out} unless it has this shape and as many frames as {@code in}, naming the slices and the function. */
    public void check(Frames out, Frames in, FrameFunction function) {
        if (out.count() != in.count()) {
            throw new GridStackException(in.slices() + ": " + function.describe() + " left " + out.count() + " slice"
                    + (out.count() == 1 ? "" : "s") + " for " + in.count() + "; a mapped function must leave as many slices as it gets");
        }
        if (out.type() != type || out.height() != height || out.width() != width) {
            throw new GridStackException(in.slices() + ": " + function.describe() + " left " + out.shape() + ", but slice 1 gave "
                    + describe() + "; a mapped function must leave the same type and size on every slice");
        }
    }

    public DataType type() {
        return type;
    }

    public int height() {
        return height;
    }

    public int width() {
        return width;
    }

    public long frameBytes() {
        return (long) height * width * type.bytes();
    }

    public String describe() {
        return type.label() + " " + width + "x" + height;
    }
}
