package org.gridstack.ops.fft;

/**
 * Forward DFT butterflies of radix 2, 3, 4 and 5 over rows of lanes, for {@link LaneFft}. Input q of the butterfly
 * is row {@code in + q * inStep}, multiplied by the twiddle w[q - 1] (from index {@code w} of the tables) before
 * the small DFT; output q goes to row {@code out + q * outStep}. Each is one loop over the lanes with scalar
 * twiddles.
 */
final class Butterflies {
    private static final double SIN_60 = Math.sqrt(3) / 2;
    private static final double COS_72 = Math.cos(2 * Math.PI / 5);
    private static final double COS_144 = Math.cos(4 * Math.PI / 5);
    private static final double SIN_72 = Math.sin(2 * Math.PI / 5);
    private static final double SIN_144 = Math.sin(4 * Math.PI / 5);

    private Butterflies() {}

    static void radix2(double[] xr, double[] xi, int in, int inStep, double[] yr, double[] yi, int out, int outStep, int lanes,
            double w1r, double w1i) {
        int i1 = in + inStep, o1 = out + outStep;
        for (int g = 0; g < lanes; g++) {
            double ar = xr[in + g], ai = xi[in + g];
            double br = xr[i1 + g] * w1r - xi[i1 + g] * w1i, bi = xr[i1 + g] * w1i + xi[i1 + g] * w1r;
            yr[out + g] = ar + br;
            yi[out + g] = ai + bi;
            yr[o1 + g] = ar - br;
            yi[o1 + g] = ai - bi;
        }
    }

    static void radix3(double[] xr, double[] xi, int in, int inStep, double[] yr, double[] yi, int out, int outStep, int lanes,
            double[] wr, double[] wi, int w) {
        double w1r = wr[w], w1i = wi[w], w2r = wr[w + 1], w2i = wi[w + 1];
        int i1 = in + inStep, i2 = i1 + inStep, o1 = out + outStep, o2 = o1 + outStep;
        for (int g = 0; g < lanes; g++) {
            double ar = xr[in + g], ai = xi[in + g];
            double br = xr[i1 + g] * w1r - xi[i1 + g] * w1i, bi = xr[i1 + g] * w1i + xi[i1 + g] * w1r;
            double cr = xr[i2 + g] * w2r - xi[i2 + g] * w2i, ci = xr[i2 + g] * w2i + xi[i2 + g] * w2r;
            double sr = br + cr, si = bi + ci, dr = br - cr, di = bi - ci;
            double er = ar - 0.5 * sr, ei = ai - 0.5 * si;
            double fr = SIN_60 * dr, fi = SIN_60 * di;
            yr[out + g] = ar + sr;
            yi[out + g] = ai + si;
            yr[o1 + g] = er + fi;
            yi[o1 + g] = ei - fr;
            yr[o2 + g] = er - fi;
            yi[o2 + g] = ei + fr;
        }
    }

    static void radix4(double[] xr, double[] xi, int in, int inStep, double[] yr, double[] yi, int out, int outStep, int lanes,
            double[] wr, double[] wi, int w) {
        double w1r = wr[w], w1i = wi[w], w2r = wr[w + 1], w2i = wi[w + 1], w3r = wr[w + 2], w3i = wi[w + 2];
        int i1 = in + inStep, i2 = i1 + inStep, i3 = i2 + inStep;
        int o1 = out + outStep, o2 = o1 + outStep, o3 = o2 + outStep;
        for (int g = 0; g < lanes; g++) {
            double ar = xr[in + g], ai = xi[in + g];
            double br = xr[i1 + g] * w1r - xi[i1 + g] * w1i, bi = xr[i1 + g] * w1i + xi[i1 + g] * w1r;
            double cr = xr[i2 + g] * w2r - xi[i2 + g] * w2i, ci = xr[i2 + g] * w2i + xi[i2 + g] * w2r;
            double dr = xr[i3 + g] * w3r - xi[i3 + g] * w3i, di = xr[i3 + g] * w3i + xi[i3 + g] * w3r;
            double t0r = ar + cr, t0i = ai + ci, t1r = ar - cr, t1i = ai - ci;
            double t2r = br + dr, t2i = bi + di, t3r = br - dr, t3i = bi - di;
            yr[out + g] = t0r + t2r;
            yi[out + g] = t0i + t2i;
            yr[o1 + g] = t1r + t3i;
            yi[o1 + g] = t1i - t3r;
            yr[o2 + g] = t0r - t2r;
            yi[o2 + g] = t0i - t2i;
            yr[o3 + g] = t1r - t3i;
            yi[o3 + g] = t1i + t3r;
        }
    }

    static void radix5(double[] xr, double[] xi, int in, int inStep, double[] yr, double[] yi, int out, int outStep, int lanes,
            double[] wr, double[] wi, int w) {
        double w1r = wr[w], w1i = wi[w], w2r = wr[w + 1], w2i = wi[w + 1];
        double w3r = wr[w + 2], w3i = wi[w + 2], w4r = wr[w + 3], w4i = wi[w + 3];
        int i1 = in + inStep, i2 = i1 + inStep, i3 = i2 + inStep, i4 = i3 + inStep;
        int o1 = out + outStep, o2 = o1 + outStep, o3 = o2 + outStep, o4 = o3 + outStep;
        for (int g = 0; g < lanes; g++) {
            double ar = xr[in + g], ai = xi[in + g];
            double br = xr[i1 + g] * w1r - xi[i1 + g] * w1i, bi = xr[i1 + g] * w1i + xi[i1 + g] * w1r;
            double cr = xr[i2 + g] * w2r - xi[i2 + g] * w2i, ci = xr[i2 + g] * w2i + xi[i2 + g] * w2r;
            double dr = xr[i3 + g] * w3r - xi[i3 + g] * w3i, di = xr[i3 + g] * w3i + xi[i3 + g] * w3r;
            double er = xr[i4 + g] * w4r - xi[i4 + g] * w4i, ei = xr[i4 + g] * w4i + xi[i4 + g] * w4r;
            double s1r = br + er, s1i = bi + ei, d1r = br - er, d1i = bi - ei;
            double s2r = cr + dr, s2i = ci + di, d2r = cr - dr, d2i = ci - di;
            double a1r = ar + COS_72 * s1r + COS_144 * s2r, a1i = ai + COS_72 * s1i + COS_144 * s2i;
            double b1r = SIN_72 * d1r + SIN_144 * d2r, b1i = SIN_72 * d1i + SIN_144 * d2i;
            double a2r = ar + COS_144 * s1r + COS_72 * s2r, a2i = ai + COS_144 * s1i + COS_72 * s2i;
            double b2r = SIN_144 * d1r - SIN_72 * d2r, b2i = SIN_144 * d1i - SIN_72 * d2i;
            yr[out + g] = ar + s1r + s2r;
            yi[out + g] = ai + s1i + s2i;
            yr[o1 + g] = a1r + b1i;
            yi[o1 + g] = a1i - b1r;
            yr[o4 + g] = a1r - b1i;
            yi[o4 + g] = a1i + b1r;
            yr[o2 + g] = a2r + b2i;
            yi[o2 + g] = a2i - b2r;
            yr[o3 + g] = a2r - b2i;
            yi[o3 + g] = a2i + b2r;
        }
    }
}
