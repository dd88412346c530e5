package org.gridstack.shuffle;

import org.gridstack.array.ArrayMeta;

/** The plain rechunk: an assembled block is stored as it is. */
public final class KeepBlock implements BlockTransform {
    private static final long serialVersionUID = 1L;

    @Override
    public Object apply(ArrayMeta target, long index, Object assembled, Object spare) {
        return assembled;
    }
}
