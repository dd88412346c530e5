package org.gridstack.ops.recenter;

import java.io.Serializable;
import org.gridstack.base.GridStackException;

/**
 * The recenter windows of a stack (README, "Numerical contract"): per frame, the centroid (x = row, y = column) and the top-left
 * corner (row0, col0) of the crop x crop window around it, truncated and clamped inside the frame.
 */
public final class CropWindows implements Serializable {
    private static final long serialVersionUID = 1L;

    private final int crop;
    private final double[] x;
    private final double[] y;
    private final int[] row0;
    private final int[] col0;

    private CropWindows(int crop, double[] x, double[] y, int[] row0, int[] col0) {
        this.crop = crop;
        this.x = x;
        this.y = y;
        this.row0 = row0;
        this.col0 = col0;
    }

    /** min(H, W) / 2 rounded down to even (at least 2). */
    public static int defaultCrop(int height, int width) {
        int crop = Math.min(height, width) / 2;
        crop -= crop % 2;
        return Math.max(2, crop);
    }

    public static void checkCrop(int crop, int height, int width) {
        if (crop % 2 != 0) throw new GridStackException("crop (" + crop + ") must be even");
        if (crop < 2) throw new GridStackException("crop (" + crop + ") must be 2 or more");
        if (crop > Math.min(height, width)) {
            throw new GridStackException("crop (" + crop + ") is larger than the frame (" + width + " x " + height + ")");
        }
    }

    /** Windows around centroids {x[], y[]} in frames of height x width. */
    public static CropWindows around(double[][] centroids, int crop, int height, int width) {
        checkCrop(crop, height, width);
        double[] x = centroids[0], y = centroids[1];
        int[] row0 = new int[x.length], col0 = new int[x.length];
        for (int t = 0; t < x.length; t++) {
            row0[t] = windowStart(x[t], crop, height);
            col0[t] = windowStart(y[t], crop, width);
        }
        return new CropWindows(crop, x.clone(), y.clone(), row0, col0);
    }

    /** First index of the window of {@code crop} around {@code centre}: truncated, clamped to [half, size - half]. */
    static int windowStart(double centre, int crop, int size) {
        int half = crop / 2;
        return Math.max(half, Math.min(size - half, (int) centre)) - half;
    }

    public int crop() {
        return crop;
    }

    public int frames() {
        return x.length;
    }

    /** Centroid row (the reference code's x) of frame t. */
    public double x(int t) {
        return x[t];
    }

    /** Centroid column (the reference code's y) of frame t. */
    public double y(int t) {
        return y[t];
    }

    /** First row of frame t's window. */
    public int row0(int t) {
        return row0[t];
    }

    /** First column of frame t's window. */
    public int col0(int t) {
        return col0[t];
    }
}
