package org.gridstack.shuffle;

import java.io.Serializable;

/** The part of one input chunk that belongs to one output block, on its way to the block's owner. */
final class Piece implements Serializable {
    private static final long serialVersionUID = 1L;

    final long block;
    /** Position of the piece inside the block (t, row, col). */
    final int[] at;
    final int[] size;
    /** Row-major primitive array of {@code size}. */
    final Object data;

    Piece(long block, int[] at, int[] size, Object data) {
        this.block = block;
        this.at = at;
        this.size = size;
        this.data = data;
    }

    int elements() {
        return size[0] * size[1] * size[2];
    }
}
