package org.gridstack.array;

/**
 * Copies a 3-D box between two row-major (t, row, col) primitive arrays of the same type, each described by its
 * extent. Whole frames or whole rows go in one {@code System.arraycopy}.
 */
public final class BoxCopy {
    private BoxCopy() {}

    /** Copies {@code size} elements (t, rows, cols) from {@code from} in {@code src} to {@code to} in {@code dst}. */
    public static void copy(Object src, int[] srcExtent, int[] from, Object dst, int[] dstExtent, int[] to, int[] size) {
        int srcRow = srcExtent[2], srcFrame = srcExtent[1] * srcExtent[2];
        int dstRow = dstExtent[2], dstFrame = dstExtent[1] * dstExtent[2];
        int srcStart = from[0] * srcFrame + from[1] * srcRow + from[2];
        int dstStart = to[0] * dstFrame + to[1] * dstRow + to[2];
        boolean wholeRows = size[2] == srcRow && size[2] == dstRow;
        if (wholeRows && size[1] == srcExtent[1] && size[1] == dstExtent[1]) {
            System.arraycopy(src, srcStart, dst, dstStart, size[0] * srcFrame);
            return;
        }
        for (int t = 0; t < size[0]; t++) {
            int s = srcStart + t * srcFrame, d = dstStart + t * dstFrame;
            if (wholeRows) {
                System.arraycopy(src, s, dst, d, size[1] * size[2]);
                continue;
            }
            for (int r = 0; r < size[1]; r++) System.arraycopy(src, s + r * srcRow, dst, d + r * dstRow, size[2]);
        }
    }
}
