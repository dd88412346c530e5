package org.gridstack.ops.map;

/** A {@link FrameFunction} that turns frames into frames: the same count, any one type and frame size for all. */
public interface FrameMapper extends FrameFunction {
    /** The frames {@code in} becomes; throws {@link org.gridstack.base.GridStackException} naming the slice on failure. */
    Frames map(Frames in);
}
