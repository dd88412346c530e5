package org.gridstack.shuffle;

import java.io.Serializable;
import org.gridstack.array.ArrayMeta;

/** What an assembled output block becomes before it is stored: itself (rechunk) or, e.g., its FFT power. */
public interface BlockTransform extends Serializable {
    /**
     * The chunk of {@code target} at {@code index} as the grid stores it (a mirrored array's first frames only, see
     * {@link ArrayMeta#storedFrames}), from the block assembled in the source's type. {@code spare} is null or an
     * array of the target's type and the stored chunk's length that the result may be written into.
     */
    Object apply(ArrayMeta target, long index, Object assembled, Object spare);

    /**
     * True if results are new arrays that the shuffle may hand back as {@code spare} once stored. Only for
     * types Ignite copies when it stores them (not byte[], which it may keep as the stored bytes themselves).
     */
    default boolean reusesOutput() {
        return false;
    }

    /** True if the result may be the assembled array itself, which the shuffle then must not reuse. */
    default boolean keepsAssembled() {
        return true;
    }
}
