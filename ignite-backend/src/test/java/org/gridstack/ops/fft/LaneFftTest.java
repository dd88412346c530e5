package org.gridstack.ops.fft;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.gridstack.PlainDft;
import org.gridstack.array.DataType;
import org.junit.jupiter.api.Test;

class LaneFftTest {
    /** A (T, pixels) uint16 block: pixel 0 all zero, pixel 1 constant, the rest random, some near the maximum. */
    private static short[] block(int frames, int pixels, long seed) {
        Random random = new Random(seed);
        short[] block = new short[frames * pixels];
        for (int t = 0; t < frames; t++) {
            for (int p = 0; p < pixels; p++) {
                int v = p == 0 ? 0 : p == 1 ? 977 : p % 5 == 0 ? 65535 - random.nextInt(16) : random.nextInt(65536);
                block[t * pixels + p] = (short) v;
            }
        }
        return block;
    }

    private static void assertMatchesPlainDft(int frames, int pixels) {
        assertTrue(LaneFft.supports(frames), "T = " + frames);
        short[] block = block(frames, pixels, frames * 31L + pixels);
        float[] power = new float[frames * pixels];
        new LaneFft(frames).power(DataType.UINT16, block, pixels, power, true);
        for (int p = 0; p < pixels; p++) {
            double[] x = new double[frames];
            for (int t = 0; t < frames; t++) x[t] = block[t * pixels + p] & 0xffff;
            double[] ref = PlainDft.power(x);
            for (int k = 0; k < frames; k++) {
                double got = power[k * pixels + p];
                assertTrue(Math.abs(got - ref[k]) <= 1e-6 * ref[0], "T " + frames + ", pixel " + p + ", bin " + k + ": " + got + " vs " + ref[k]);
                if (p == 0) assertEquals(0f, power[k * pixels + p], "an all-zero series has exactly zero power");
            }
        }
    }

    @Test
    void everyShortLengthMatchesThePlainDft() {
        for (int frames = 1; frames <= 70; frames++) {
            if (LaneFft.supports(frames)) assertMatchesPlainDft(frames, 11);
        }
    }

    @Test
    void lengthsOfEveryRadixMatchThePlainDft() {
        // 1000 = 2 x 500 = 2 x 4 x 5^3; 243 = 3^5 (odd); 1001 = 7 x 11 x 13 (odd, generic radices);
        // 1798 = 2 x 29 x 31; 1024 and 96 (4s and a 2, a 3); 250 = 2 x 5^3 (a lone 5 after no 4)
        for (int frames : new int[] {243, 1001, 1798, 1024, 96, 250}) assertMatchesPlainDft(frames, 5);
        assertMatchesPlainDft(1000, 70); // a group of 64 lanes and a part-filled one
    }

    @Test
    void lengthsWithALargePrimeFactorAreLeftToJTransforms() {
        assertFalse(LaneFft.supports(137));
        assertFalse(LaneFft.supports(2 * 37));
        assertTrue(LaneFft.supports(2 * 31));
        assertNull(LaneFft.radices(37));
        assertArrayEquals(new int[] {4, 5, 5, 5}, LaneFft.radices(500));
    }

    @Test
    void aPixelsPowerDoesNotDependOnItsNeighboursOrItsLane() {
        int frames = 1000, pixels = 150;
        short[] block = block(frames, pixels, 7);
        float[] all = new float[frames * pixels];
        new LaneFft(frames).power(DataType.UINT16, block, pixels, all, true);
        for (int p : new int[] {0, 1, 63, 64, 65, 149}) {
            short[] alone = new short[frames];
            for (int t = 0; t < frames; t++) alone[t] = block[t * pixels + p];
            float[] single = new float[frames];
            new LaneFft(frames).power(DataType.UINT16, alone, 1, single, true);
            for (int k = 0; k < frames; k++) assertEquals(single[k], all[k * pixels + p], "pixel " + p + " bin " + k);
        }
    }

    @Test
    void theLowerHalfIsTheFullSpectrumsFirstBins() {
        for (int frames : new int[] {1000, 1001}) {
            int pixels = 9;
            short[] block = block(frames, pixels, 3);
            float[] full = new float[frames * pixels];
            float[] lower = new float[(frames / 2 + 1) * pixels];
            new LaneFft(frames).power(DataType.UINT16, block, pixels, full, true);
            new LaneFft(frames).power(DataType.UINT16, block, pixels, lower, false);
            assertArrayEquals(java.util.Arrays.copyOf(full, lower.length), lower);
        }
    }
}
