package org.gridstack.store;

import java.lang.reflect.Array;
import org.gridstack.array.ArrayMeta;
import org.gridstack.array.DataType;

/**
 * Between a mirrored array's chunks as read (all T frames) and as stored (frames 0..T/2; frame k > T/2 is frame
 * T-k, see {@link ArrayMeta#mirroredInTime}). A chunk is row-major (t, row, col), so the stored frames are a prefix
 * of it. Every other array's chunks are stored as they are.
 */
final class MirroredFrames {
    private MirroredFrames() {}

    /** The frame of the stored chunk that holds frame {@code t} of a mirrored array's chunk of {@code frames} frames. */
    static int storedFrame(int t, int frames) {
        return t <= frames / 2 ? t : frames - t;
    }

    /** The chunk as stored: a copy of its first frames for a mirrored array (unless it is that already), else itself. */
    static Object stored(ArrayMeta array, long index, Object chunk) {
        if (!array.isMirroredInTime()) return chunk;
        int[] extent = array.grid().extent(index);
        int length = array.storedFrames(index) * extent[1] * extent[2];
        if (DataType.length(chunk) == length) return chunk;
        Object prefix = Array.newInstance(chunk.getClass().getComponentType(), length);
        System.arraycopy(chunk, 0, prefix, 0, length);
        return prefix;
    }

    /** The whole chunk from its stored frames (a stored chunk of any other array is the chunk itself). */
    static Object full(ArrayMeta array, long index, Object stored) {
        if (stored == null || !array.isMirroredInTime()) return stored;
        int[] extent = array.grid().extent(index);
        int frames = extent[0], plane = extent[1] * extent[2];
        if (DataType.length(stored) == frames * plane) return stored;
        Object chunk = array.type().allocate(frames * plane);
        System.arraycopy(stored, 0, chunk, 0, array.storedFrames(index) * plane);
        for (int t = array.storedFrames(index); t < frames; t++) {
            System.arraycopy(stored, storedFrame(t, frames) * plane, chunk, t * plane, plane);
        }
        return chunk;
    }

    /** Frames [t0, t0 + n) of a mirrored chunk, each read as its stored frame by {@code readStored(frame)}. */
    static Object frames(ArrayMeta array, long index, int t0, int n, StoredFrameReader readStored) {
        int[] extent = array.grid().extent(index);
        int plane = extent[1] * extent[2];
        Object out = array.type().allocate(n * plane);
        for (int t = 0; t < n; t++) {
            Object frame = readStored.frame(storedFrame(t0 + t, extent[0]));
            if (frame == null) return null;
            System.arraycopy(frame, 0, out, t * plane, plane);
        }
        return out;
    }

    /** Reads one stored frame of a chunk, or null when it is not stored. */
    interface StoredFrameReader {
        Object frame(int storedFrame);
    }
}
