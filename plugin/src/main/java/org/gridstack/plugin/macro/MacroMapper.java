package org.gridstack.plugin.macro;

import org.gridstack.ops.map.FrameMapper;
import org.gridstack.ops.map.Frames;

/** The user's macro or script as a grid map: run in an {@link ImageJLanes} lane of the node where the frames are. */
public final class MacroMapper implements FrameMapper {
    private static final long serialVersionUID = 1L;

    private final UserCode code;
    private final boolean wholeChunks;

    /** {@code wholeChunks}: the code sees a chunk's frames as one small stack; else one slice at a time. */
    public MacroMapper(UserCode code, boolean wholeChunks) {
        this.code = code;
        this.wholeChunks = wholeChunks;
    }

    @Override
    public Frames map(Frames in) {
        var out = ImageJLanes.shared().run(LaneFrames.call(code, in, false));
        LaneFrames.failIfError(out, in, code);
        return LaneFrames.result(out, in, code);
    }

    @Override
    public int framesPerCall() {
        return wholeChunks ? 0 : 1;
    }

    @Override
    public String describe() {
        return code.describe();
    }

    @Override
    public String identity() {
        return code.identity() + (wholeChunks ? " per chunk" : " per slice");
    }
}
