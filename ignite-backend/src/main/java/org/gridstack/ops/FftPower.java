package org.gridstack.ops;

import org.jtransforms.fft.DoubleFFT_1D;
import pl.edu.icm.jlargearrays.ConcurrencyUtils;

/**
 * Power spectrum of every pixel's time series in a block (T, bh, bw), full length, unnormalised (NUMERICS.md):
 * {@code power[k] = (float) (re² + im²)} of {@code X[k] = Σ x[n] exp(-2πi kn/T)}, k = 0..T-1, in a float block of
 * the same (T, bh, bw) layout. Pixels go through in groups of adjacent columns: their series are gathered into
 * contiguous double rows (one pass over the block), transformed, and their powers scattered back.
 */
public final class FftPower {
    private static final int GROUP = 16;
    private static final ThreadLocal<FftPower> PER_THREAD = new ThreadLocal<>();

    private final int frames;
    private final DoubleFFT_1D fft;
    private final double[] series;
    private double[] scratch = new double[0];

    static {
        // one series per task on every core beats JTransforms' own threads (which start at T = 8192)
        ConcurrencyUtils.setNumberOfThreads(1);
    }

    private FftPower(int frames) {
        this.frames = frames;
        this.fft = frames > 1 ? new DoubleFFT_1D(frames) : null;
        this.series = new double[GROUP * frames];
    }

    /** This thread's plan and buffers for series of length {@code frames}, made on first use. */
    public static FftPower forFrames(int frames) {
        FftPower p = PER_THREAD.get();
        if (p == null || p.frames != frames) {
            p = new FftPower(frames);
            PER_THREAD.set(p);
        }
        return p;
    }

    /** The power block of {@code block} (byte[], short[], float[] or double[] of T * pixels). */
    public float[] of(Object block, int pixels) {
        float[] power = new float[frames * pixels];
        for (int p0 = 0; p0 < pixels; p0 += GROUP) {
            int n = Math.min(GROUP, pixels - p0);
            gather(block, pixels, p0, n);
            for (int g = 0; g < n; g++) transform(g * frames);
            for (int k = 0; k < frames; k++) {
                int row = k * pixels + p0;
                for (int g = 0; g < n; g++) power[row + g] = (float) series[g * frames + k];
            }
        }
        return power;
    }

    private void gather(Object block, int pixels, int p0, int n) {
        if (block instanceof byte[]) {
            byte[] a = (byte[]) block;
            for (int t = 0; t < frames; t++) {
                int at = t * pixels + p0;
                for (int g = 0; g < n; g++) series[g * frames + t] = a[at + g] & 0xff;
            }
        } else if (block instanceof short[]) {
            short[] a = (short[]) block;
            for (int t = 0; t < frames; t++) {
                int at = t * pixels + p0;
                for (int g = 0; g < n; g++) series[g * frames + t] = a[at + g] & 0xffff;
            }
        } else if (block instanceof float[]) {
            float[] a = (float[]) block;
            for (int t = 0; t < frames; t++) {
                int at = t * pixels + p0;
                for (int g = 0; g < n; g++) series[g * frames + t] = a[at + g];
            }
        } else {
            double[] a = (double[]) block;
            for (int t = 0; t < frames; t++) {
                int at = t * pixels + p0;
                for (int g = 0; g < n; g++) series[g * frames + t] = a[at + g];
            }
        }
    }

    /**
     * Replaces the series at {@code off} by its power spectrum. realForward packs the half spectrum (JTransforms'
     * layout: a[0] = Re X0; even T: a[1] = Re X(T/2); odd T: a[1] = Im X((T-1)/2); else a[2k], a[2k+1] = Re, Im Xk);
     * the other half is its mirror, since the input is real: power[T-k] = power[k].
     */
    private void transform(int off) {
        double[] a = series;
        int n = frames;
        if (n == 1) {
            a[off] = a[off] * a[off];
            return;
        }
        fft.realForward(a, off);
        double dc = a[off] * a[off];
        double last = a[off + 1];
        int m = (n - 1) / 2;
        double[] half = halfScratch(m + 1);
        for (int k = 1; k < (n % 2 == 0 ? n / 2 : m); k++) {
            double re = a[off + 2 * k], im = a[off + 2 * k + 1];
            half[k] = re * re + im * im;
        }
        if (n % 2 == 0) {
            a[off + n / 2] = last * last;
        } else {
            double re = a[off + n - 1];
            half[m] = re * re + last * last;
        }
        a[off] = dc;
        int top = n % 2 == 0 ? n / 2 - 1 : m;
        for (int k = 1; k <= top; k++) {
            a[off + k] = half[k];
            a[off + n - k] = half[k];
        }
    }

    private double[] halfScratch(int length) {
        if (scratch.length < length) scratch = new double[length];
        return scratch;
    }
}
