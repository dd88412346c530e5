package org.gridstack;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.gridstack.array.ByteLanes;
import org.junit.jupiter.api.Test;

/** {@link ByteLanes} against plain loops: any offset and length (tails of 1-7 bytes), all-255 runs up to a lane's limit. */
class ByteLanesTest {
    @Test
    void totalsEqualAPlainLoopForEveryOffsetAndLength() {
        byte[] a = new byte[5000];
        new Random(3).nextBytes(a);
        for (int from = 0; from < 9; from++) {
            for (int n : new int[] {0, 1, 7, 8, 9, 15, 1024, 1031, 2048 + 5, 4990}) {
                long plain = 0;
                for (int i = from; i < from + n; i++) plain += a[i] & 0xff;
                assertEquals(plain, ByteLanes.sum(a, from, n), "from " + from + " n " + n);
            }
        }
    }

    @Test
    void allOnesBytesOverManyFoldsSumExactly() {
        byte[] a = new byte[1 << 20];
        java.util.Arrays.fill(a, (byte) 255);
        assertEquals(255L * a.length, ByteLanes.sum(a, 0, a.length));
    }

    @Test
    void laneSumsEqualPlainSumsUpToTheFlushLimit() {
        int n = 1029;
        byte[] a = new byte[n * ByteLanes.ADDS_PER_FLUSH + 3];
        new Random(5).nextBytes(a);
        for (int i = 0; i < n * 100; i++) a[i + 3] = (byte) 255; // the first 100 runs at the maximum
        long[] lanes = ByteLanes.lanes(n);
        long[] plain = new long[n];
        for (int run = 0; run < ByteLanes.ADDS_PER_FLUSH; run++) {
            int from = 3 + run * n;
            ByteLanes.add(a, from, lanes, n);
            for (int i = 0; i < n; i++) plain[i] += a[from + i] & 0xff;
        }
        long[] out = new long[n];
        ByteLanes.flush(lanes, out, n);
        assertArrayEquals(plain, out);
        int[] again = new int[n];
        ByteLanes.flush(lanes, again, n);
        assertArrayEquals(new int[n], again, "flush leaves the lanes zero");
    }
}
