package org.gridstack.ops.fft;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.gridstack.array.DataType;

/**
 * Power spectra of many pixels' series at once: a mixed-radix Stockham FFT in which every element is a row of
 * {@code lanes} adjacent pixels, so each butterfly is one simple loop over pixels with the twiddles held in
 * registers, reading and writing contiguous rows (JTransforms, one series at a time, took 2.5x as long at
 * T = 1000; JDK 17 does not vectorise these loops, so the gain is the loops' simplicity and memory order). Double
 * precision throughout, and every pixel goes through the same operations whatever its lane, so results do not
 * depend on how pixels are grouped.
 * <p>
 * An even length T is one complex FFT of T/2 points (even samples as real part, odd ones as imaginary) split into
 * the T-point spectrum; an odd T is a complex FFT of T points with a zero imaginary part. The transform needs T/2
 * (or T) to factor into primes up to {@link #MAX_RADIX} ({@link #supports}).
 */
final class LaneFft {
    static final int MAX_RADIX = 31;
    private static final int MAX_LANES = 64;
    /** Rows of lanes held at once (input, output, real and imaginary): about 1 MB, so a group stays in L2. */
    private static final int WORKING_DOUBLES = 1 << 17;

    private final int frames;
    private final int n;
    private final int lanes;
    private final int[] radices;
    private final double[][] twiddleRe;
    private final double[][] twiddleIm;
    private final double[] splitRe;
    private final double[] splitIm;
    private double[] re;
    private double[] im;
    private double[] outRe;
    private double[] outIm;
    private final GenericRadix generic;

    LaneFft(int frames) {
        if (!supports(frames)) throw new IllegalArgumentException("no lane FFT for series of " + frames);
        this.frames = frames;
        this.n = frames % 2 == 0 ? frames / 2 : frames;
        this.radices = radices(n);
        this.lanes = Math.max(8, Math.min(MAX_LANES, WORKING_DOUBLES / 4 / n / 8 * 8));
        this.twiddleRe = new double[radices.length][];
        this.twiddleIm = new double[radices.length][];
        int ns = 1;
        for (int s = 0; s < radices.length; s++) {
            int r = radices[s];
            twiddleRe[s] = new double[ns * (r - 1)];
            twiddleIm[s] = new double[ns * (r - 1)];
            for (int k = 0; k < ns; k++) {
                for (int q = 1; q < r; q++) {
                    double angle = -2 * Math.PI * ((long) k * q) / ((long) ns * r);
                    twiddleRe[s][k * (r - 1) + q - 1] = Math.cos(angle);
                    twiddleIm[s][k * (r - 1) + q - 1] = Math.sin(angle);
                }
            }
            ns *= r;
        }
        splitRe = new double[n + 1];
        splitIm = new double[n + 1];
        for (int k = 0; k <= n; k++) {
            double angle = -2 * Math.PI * k / frames;
            splitRe[k] = Math.cos(angle);
            splitIm[k] = Math.sin(angle);
        }
        re = new double[n * lanes];
        im = new double[n * lanes];
        outRe = new double[n * lanes];
        outIm = new double[n * lanes];
        generic = new GenericRadix(lanes);
    }

    /** Whether a series of {@code frames} samples can go through this FFT. */
    static boolean supports(int frames) {
        return frames >= 1 && radices(frames % 2 == 0 ? frames / 2 : frames) != null;
    }

    /**
     * Writes power bins 0..T/2 of the block's series (a (T, pixels) block, pixel-fastest) into {@code power} as the
     * same layout, and with {@code upperHalf} bins T/2+1..T-1 too (power[T-k] = power[k] for a real series).
     */
    void power(DataType type, Object block, int pixels, float[] power, boolean upperHalf) {
        for (int p0 = 0; p0 < pixels; p0 += lanes) {
            int count = Math.min(lanes, pixels - p0);
            gather(type, block, pixels, p0, count);
            transform();
            if (frames % 2 == 0) emitEven(power, pixels, p0, count, upperHalf);
            else emitOdd(power, pixels, p0, count, upperHalf);
        }
    }

    private void gather(DataType type, Object block, int pixels, int p0, int count) {
        if (count < lanes) {
            Arrays.fill(re, 0);
            Arrays.fill(im, 0);
        }
        if (frames % 2 == 0) {
            for (int m = 0; m < n; m++) {
                type.toDouble(block, 2 * m * pixels + p0, re, m * lanes, count);
                type.toDouble(block, (2 * m + 1) * pixels + p0, im, m * lanes, count);
            }
        } else {
            for (int t = 0; t < n; t++) type.toDouble(block, t * pixels + p0, re, t * lanes, count);
            Arrays.fill(im, 0);
        }
    }

    /** The complex FFT of re + i im, left in re, im. */
    private void transform() {
        int ns = 1;
        for (int s = 0; s < radices.length; s++) {
            int r = radices[s];
            stage(r, ns, twiddleRe[s], twiddleIm[s]);
            double[] t = re;
            re = outRe;
            outRe = t;
            t = im;
            im = outIm;
            outIm = t;
            ns *= r;
        }
    }

    /** One Stockham pass of radix r after passes totalling ns: butterflies j read element j + q n/r, write j's slot. */
    private void stage(int r, int ns, double[] wr, double[] wi) {
        int butterflies = n / r;
        int inStep = butterflies * lanes;
        int outStep = ns * lanes;
        for (int j = 0; j < butterflies; j++) {
            int k = j % ns;
            int in = j * lanes;
            int out = ((j / ns) * ns * r + k) * lanes;
            int w = k * (r - 1);
            switch (r) {
                case 2 -> Butterflies.radix2(re, im, in, inStep, outRe, outIm, out, outStep, lanes, wr[w], wi[w]);
                case 3 -> Butterflies.radix3(re, im, in, inStep, outRe, outIm, out, outStep, lanes, wr, wi, w);
                case 4 -> Butterflies.radix4(re, im, in, inStep, outRe, outIm, out, outStep, lanes, wr, wi, w);
                case 5 -> Butterflies.radix5(re, im, in, inStep, outRe, outIm, out, outStep, lanes, wr, wi, w);
                default -> generic.butterfly(r, re, im, in, inStep, outRe, outIm, out, outStep, wr, wi, w);
            }
        }
    }

    /** Splits the half-length FFT Z of (x[2m] + i x[2m+1]) into X[k] = E[k] + W^k O[k], k = 0..T/2, and writes |X[k]|². */
    private void emitEven(float[] power, int pixels, int p0, int count, boolean upperHalf) {
        for (int k = 0; k <= n; k++) {
            int a = (k % n) * lanes, b = ((n - k) % n) * lanes;
            double cr = splitRe[k], ci = splitIm[k];
            int lo = k * pixels + p0, hi = (frames - k) * pixels + p0;
            boolean mirror = upperHalf && k > 0 && k < n;
            for (int g = 0; g < count; g++) {
                double zr = re[a + g], zi = im[a + g], mr = re[b + g], mi = im[b + g];
                double er = 0.5 * (zr + mr), ei = 0.5 * (zi - mi);
                double or = 0.5 * (zi + mi), oi = -0.5 * (zr - mr);
                double xr = er + cr * or - ci * oi, xi = ei + cr * oi + ci * or;
                float p = (float) (xr * xr + xi * xi);
                power[lo + g] = p;
                if (mirror) power[hi + g] = p;
            }
        }
    }

    private void emitOdd(float[] power, int pixels, int p0, int count, boolean upperHalf) {
        for (int k = 0; k <= (frames - 1) / 2; k++) {
            int a = k * lanes, lo = k * pixels + p0, hi = (frames - k) * pixels + p0;
            boolean mirror = upperHalf && k > 0;
            for (int g = 0; g < count; g++) {
                double xr = re[a + g], xi = im[a + g];
                float p = (float) (xr * xr + xi * xi);
                power[lo + g] = p;
                if (mirror) power[hi + g] = p;
            }
        }
    }

    /** n's prime factors in the order the passes use them (4s first), or null if one is above {@link #MAX_RADIX}. */
    static int[] radices(int n) {
        List<Integer> factors = new ArrayList<>();
        int rest = n;
        while (rest % 4 == 0) {
            factors.add(4);
            rest /= 4;
        }
        for (int p = 2; p <= MAX_RADIX && rest > 1; p++) {
            while (rest % p == 0) {
                factors.add(p);
                rest /= p;
            }
        }
        if (rest != 1) return null;
        return factors.stream().mapToInt(Integer::intValue).toArray();
    }
}
