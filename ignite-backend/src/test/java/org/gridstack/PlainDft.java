package org.gridstack;

/** The independent reference for FFT power: a plain O(T²) DFT in double, as the numerical contract defines it. */
public final class PlainDft {
    private PlainDft() {}

    /** |X[k]|² of {@code X[k] = Σ x[t] exp(-2πi kt/T)}, k = 0..T-1. */
    public static double[] power(double[] x) {
        int n = x.length;
        double[] p = new double[n];
        for (int k = 0; k < n; k++) {
            double re = 0, im = 0;
            for (int t = 0; t < n; t++) {
                double angle = -2 * Math.PI * ((long) k * t % n) / n;
                re += x[t] * Math.cos(angle);
                im += x[t] * Math.sin(angle);
            }
            p[k] = re * re + im * im;
        }
        return p;
    }
}
