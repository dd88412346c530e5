package org.gridstack.ops.map;

import java.util.List;
import java.util.Map;

/** A {@link FrameFunction} that measures each slice: zero or more rows of named values (numbers or text). */
public interface FrameMeasurer extends FrameFunction {
    /** The rows one slice gives, columns in the order they should appear; values are Double or String. */
    List<Map<String, Object>> measure(Frames slice);

    @Override
    default int framesPerCall() {
        return 1;
    }
}
