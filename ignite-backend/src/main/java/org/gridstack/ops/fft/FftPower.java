package org.gridstack.ops.fft;

import org.gridstack.array.DataType;
import org.jtransforms.fft.DoubleFFT_1D;

/**
 * Power spectrum of every pixel's time series in a block (T, bh, bw), full length, unnormalised (README, "Numerical contract"):
 * {@code power[k] = (float) (re² + im²)} of {@code X[k] = Σ x[n] exp(-2πi kn/T)}, k = 0..T-1, in a float block of
 * the same (T, bh, bw) layout. Lengths whose FFT factors into small primes (1000, 10000, any power of two) go
 * through {@link LaneFft}, many pixels at once; others (a prime T, say) through JTransforms, one series at a time:
 * pixels go through in groups of adjacent columns, their series gathered into contiguous double rows (one pass
 * over the block), transformed, and their powers scattered back.
 */
public final class FftPower {
    private static final int GROUP = 64;
    private static final ThreadLocal<FftPower> PER_THREAD = new ThreadLocal<>();

    private final int frames;
    private final LaneFft lanes;
    private final DoubleFFT_1D fft;
    private final double[] series;
    private final double[] run = new double[GROUP];

    private FftPower(int frames) {
        this.frames = frames;
        this.lanes = LaneFft.supports(frames) ? new LaneFft(frames) : null;
        this.fft = lanes == null ? new DoubleFFT_1D(frames) : null;
        this.series = lanes == null ? new double[GROUP * frames] : null;
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
    public float[] of(DataType type, Object block, int pixels) {
        return into(type, block, pixels, new float[frames * pixels]);
    }

    /** Writes the power block of {@code block} into {@code power} (T * pixels, every element overwritten). */
    public float[] into(DataType type, Object block, int pixels, float[] power) {
        return transform(type, block, pixels, power, true);
    }

    /** Writes bins 0..T/2 of the power block of {@code block} into {@code power} ((T/2 + 1) * pixels, all overwritten). */
    public float[] lowerHalfInto(DataType type, Object block, int pixels, float[] power) {
        return transform(type, block, pixels, power, false);
    }

    private float[] transform(DataType type, Object block, int pixels, float[] power, boolean upperHalf) {
        if (lanes != null) {
            lanes.power(type, block, pixels, power, upperHalf);
            return power;
        }
        for (int p0 = 0; p0 < pixels; p0 += GROUP) {
            int n = Math.min(GROUP, pixels - p0);
            gather(type, block, pixels, p0, n);
            for (int g = 0; g < n; g++) fft.realForward(series, g * frames);
            emit(power, pixels, p0, n, upperHalf);
        }
        return power;
    }

    /**
     * Writes the powers of the group's transformed series to bins k and, with {@code upperHalf}, T-k (the input is
     * real, so power[T-k] = power[k]). JTransforms' realForward packs the half spectrum: a[0] = Re X0; for even T
     * a[1] = Re X(T/2); for odd T a[1] = Im X((T-1)/2) and a[T-1] = Re X((T-1)/2); otherwise a[2k], a[2k+1] = Re, Im Xk.
     */
    private void emit(float[] power, int pixels, int p0, int n, boolean upperHalf) {
        int t = frames, m = (t - 1) / 2;
        double[] a = series;
        for (int g = 0; g < n; g++) power[p0 + g] = (float) (a[g * t] * a[g * t]);
        int pairs = t % 2 == 0 ? t / 2 - 1 : m - 1;
        for (int k = 1; k <= pairs; k++) {
            int lo = k * pixels + p0, hi = (t - k) * pixels + p0;
            for (int g = 0; g < n; g++) {
                double re = a[g * t + 2 * k], im = a[g * t + 2 * k + 1];
                float p = (float) (re * re + im * im);
                power[lo + g] = p;
                if (upperHalf) power[hi + g] = p;
            }
        }
        if (t % 2 == 0) {
            int mid = t / 2 * pixels + p0;
            for (int g = 0; g < n; g++) power[mid + g] = (float) (a[g * t + 1] * a[g * t + 1]);
        } else {
            int lo = m * pixels + p0, hi = (t - m) * pixels + p0;
            for (int g = 0; g < n; g++) {
                double re = a[g * t + t - 1], im = a[g * t + 1];
                float p = (float) (re * re + im * im);
                power[lo + g] = p;
                if (upperHalf) power[hi + g] = p;
            }
        }
    }

    /** Pixels p0..p0+n-1 of the block: their series into contiguous double rows, one per pixel. */
    private void gather(DataType type, Object block, int pixels, int p0, int n) {
        for (int t = 0; t < frames; t++) {
            type.toDouble(block, t * pixels + p0, run, 0, n);
            for (int g = 0; g < n; g++) series[g * frames + t] = run[g];
        }
    }
}
