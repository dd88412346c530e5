package org.gridstack.ops.fft;

import java.util.Arrays;

/**
 * The forward DFT butterfly of any odd prime radix r (up to {@link LaneFft#MAX_RADIX}) over rows of lanes, for
 * {@link LaneFft}: with s_m = a_m + a_(r-m) and d_m = a_m - a_(r-m), y_k = a_0 + Σ s_m cos(2πkm/r) - i Σ d_m sin(2πkm/r)
 * and y_(r-k) its counterpart with + i. It works row by row in scratch rows, so every inner loop runs over lanes.
 */
final class GenericRadix {
    private final int lanes;
    private double[] ar;
    private double[] ai;
    private final double[] sumRe;
    private final double[] sumIm;
    private final double[] difRe;
    private final double[] difIm;
    private int radix;
    private double[] cos;
    private double[] sin;

    GenericRadix(int lanes) {
        this.lanes = lanes;
        this.sumRe = new double[lanes];
        this.sumIm = new double[lanes];
        this.difRe = new double[lanes];
        this.difIm = new double[lanes];
    }

    void butterfly(int r, double[] xr, double[] xi, int in, int inStep, double[] yr, double[] yi, int out, int outStep,
            double[] wr, double[] wi, int w) {
        prepare(r);
        for (int q = 0; q < r; q++) {
            int row = in + q * inStep, at = q * lanes;
            double cr = q == 0 ? 1 : wr[w + q - 1], ci = q == 0 ? 0 : wi[w + q - 1];
            for (int g = 0; g < lanes; g++) {
                ar[at + g] = xr[row + g] * cr - xi[row + g] * ci;
                ai[at + g] = xr[row + g] * ci + xi[row + g] * cr;
            }
        }
        for (int g = 0; g < lanes; g++) {
            yr[out + g] = ar[g];
            yi[out + g] = ai[g];
        }
        for (int m = 1; m <= r / 2; m++) {
            int p = m * lanes, q = (r - m) * lanes;
            for (int g = 0; g < lanes; g++) {
                yr[out + g] += ar[p + g] + ar[q + g];
                yi[out + g] += ai[p + g] + ai[q + g];
            }
        }
        for (int k = 1; k <= r / 2; k++) {
            Arrays.fill(sumRe, 0);
            Arrays.fill(sumIm, 0);
            Arrays.fill(difRe, 0);
            Arrays.fill(difIm, 0);
            for (int m = 1; m <= r / 2; m++) {
                int p = m * lanes, q = (r - m) * lanes;
                double c = cos[(k * m) % r], s = sin[(k * m) % r];
                for (int g = 0; g < lanes; g++) {
                    sumRe[g] += (ar[p + g] + ar[q + g]) * c;
                    sumIm[g] += (ai[p + g] + ai[q + g]) * c;
                    difRe[g] += (ar[p + g] - ar[q + g]) * s;
                    difIm[g] += (ai[p + g] - ai[q + g]) * s;
                }
            }
            int lo = out + k * outStep, hi = out + (r - k) * outStep;
            for (int g = 0; g < lanes; g++) {
                double er = ar[g] + sumRe[g], ei = ai[g] + sumIm[g];
                yr[lo + g] = er + difIm[g];
                yi[lo + g] = ei - difRe[g];
                yr[hi + g] = er - difIm[g];
                yi[hi + g] = ei + difRe[g];
            }
        }
    }

    private void prepare(int r) {
        if (radix == r) return;
        radix = r;
        ar = new double[r * lanes];
        ai = new double[r * lanes];
        cos = new double[r];
        sin = new double[r];
        for (int j = 0; j < r; j++) {
            cos[j] = Math.cos(2 * Math.PI * j / r);
            sin[j] = Math.sin(2 * Math.PI * j / r);
        }
    }
}
