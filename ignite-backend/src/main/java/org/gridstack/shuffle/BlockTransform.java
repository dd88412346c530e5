package org.gridstack.shuffle;

import java.io.Serializable;
import org.gridstack.array.ArrayMeta;

/** What an assembled output block becomes before it is stored: itself (rechunk) or, e.g., its FFT power. */
public interface BlockTransform extends Serializable {
    /** The chunk of {@code target} at {@code index}, from the block assembled in the source's type. */
    Object apply(ArrayMeta target, long index, Object assembled);
}
