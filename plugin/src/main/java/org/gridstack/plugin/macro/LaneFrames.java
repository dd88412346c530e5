package org.gridstack.plugin.macro;

import java.util.HashMap;
import java.util.Map;
import org.gridstack.array.DataType;
import org.gridstack.base.GridStackException;
import org.gridstack.ops.map.Frames;
import org.gridstack.plugin.macro.lane.LaneKeys;

/** Frames into and out of a lane's maps: one pixel array per slice, ImageJ's bit depths. */
final class LaneFrames {
    private LaneFrames() {}

    static Map<String, Object> call(UserCode code, Frames frames, boolean measure) {
        bitDepth(frames.type());
        int frame = frames.height() * frames.width();
        Object[] slices = new Object[frames.count()];
        for (int i = 0; i < slices.length; i++) {
            slices[i] = frames.count() == 1 ? frames.pixels() : frames.type().allocate(frame);
            if (frames.count() > 1) System.arraycopy(frames.pixels(), i * frame, slices[i], 0, frame);
        }
        Map<String, Object> in = new HashMap<>();
        in.put(LaneKeys.LANGUAGE, code.language() == UserCode.Language.GROOVY ? "groovy" : "macro");
        in.put(LaneKeys.CODE, code.text());
        in.put(LaneKeys.TITLE, frames.slices());
        in.put(LaneKeys.WIDTH, frames.width());
        in.put(LaneKeys.HEIGHT, frames.height());
        in.put(LaneKeys.SLICES, slices);
        in.put(LaneKeys.MEASURE, measure);
        return in;
    }

    /** The frames a lane's answer holds, for the call on {@code in}. */
    static Frames result(Map<String, Object> out, Frames in, UserCode code) {
        int bitDepth = (Integer) out.get(LaneKeys.BIT_DEPTH);
        DataType type = switch (bitDepth) {
            case 8 -> DataType.UINT8;
            case 16 -> DataType.UINT16;
            case 32 -> DataType.FLOAT32;
            default -> throw new GridStackException(in.slices() + ": " + code.describe() + " left an RGB image; grid arrays are "
                    + "8-bit, 16-bit or 32-bit: convert it (e.g. run(\"8-bit\")) at the macro's end");
        };
        int width = (Integer) out.get(LaneKeys.WIDTH), height = (Integer) out.get(LaneKeys.HEIGHT);
        Object[] slices = (Object[]) out.get(LaneKeys.SLICES);
        int frame = width * height;
        Object pixels = slices.length == 1 ? slices[0] : type.allocate(slices.length * frame);
        if (slices.length > 1) for (int i = 0; i < slices.length; i++) System.arraycopy(slices[i], 0, pixels, i * frame, frame);
        return new Frames(type, in.first(), slices.length, height, width, pixels);
    }

    static void failIfError(Map<String, Object> out, Frames in, UserCode code) {
        Object error = out.get(LaneKeys.ERROR);
        if (error != null) throw new GridStackException(in.slices() + ": " + code.describe() + " failed: " + error);
    }

    private static int bitDepth(DataType type) {
        switch (type) {
            case UINT8: return 8;
            case UINT16: return 16;
            case FLOAT32: return 32;
            default:
                throw new GridStackException("ImageJ macros see 8-bit, 16-bit or 32-bit (float) slices; this array is " + type.label());
        }
    }
}
