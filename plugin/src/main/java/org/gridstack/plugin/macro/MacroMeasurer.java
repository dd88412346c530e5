package org.gridstack.plugin.macro;

import java.util.List;
import java.util.Map;
import org.gridstack.ops.map.FrameMeasurer;
import org.gridstack.ops.map.Frames;
import org.gridstack.plugin.macro.lane.LaneKeys;

/** The user's macro or script as a grid measurement: the Results-table rows it leaves for each slice. */
public final class MacroMeasurer implements FrameMeasurer {
    private static final long serialVersionUID = 1L;

    private final UserCode code;

    public MacroMeasurer(UserCode code) {
        this.code = code;
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> measure(Frames slice) {
        var out = ImageJLanes.shared().run(LaneFrames.call(code, slice, true));
        LaneFrames.failIfError(out, slice, code);
        return (List<Map<String, Object>>) out.get(LaneKeys.ROWS);
    }

    @Override
    public String describe() {
        return code.describe();
    }

    @Override
    public String identity() {
        return code.identity();
    }
}
