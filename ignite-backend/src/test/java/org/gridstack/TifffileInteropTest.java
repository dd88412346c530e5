package org.gridstack;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.gridstack.array.ArrayMeta;
import org.gridstack.array.Calibration;
import org.gridstack.base.GridStackException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * OME-TIFF (BigTIFF too) and ImageJ hyperstack TIFFs written by Python's tifffile (Debian's python3-tifffile), an
 * independent writer: their pixels, and the calibration and time axis their metadata state. Skipped without tifffile.
 */
class TifffileInteropTest {
    private static final int T = 4, H = 5, W = 7;

    @TempDir
    static Path dir;
    private static String noTifffile;

    private static final String WRITE = String.join("\n",
            "import tifffile, numpy as np, sys",
            "d = sys.argv[1]",
            "a = (np.arange(4 * 5 * 7) * 13 % 65536).astype('<u2').reshape(4, 5, 7)",
            "tifffile.imwrite(d + '/t.ome.tif', a, ome=True, bigtiff=True, metadata={'axes': 'TYX', 'PhysicalSizeX': 0.2,",
            "    'PhysicalSizeXUnit': 'nm', 'PhysicalSizeY': 0.3, 'PhysicalSizeYUnit': 'nm', 'TimeIncrement': 1.5, 'TimeIncrementUnit': 'ms'})",
            "tifffile.imwrite(d + '/z.ome.tif', a, ome=True, metadata={'axes': 'ZYX', 'PhysicalSizeX': 0.25, 'PhysicalSizeY': 0.25})",
            "tifffile.imwrite(d + '/tz.ome.tif', a.reshape(2, 2, 5, 7), ome=True, metadata={'axes': 'TZYX'})",
            "tifffile.imwrite(d + '/ij.tif', a, imagej=True, resolution=(1 / 0.2, 1 / 0.3), metadata={'axes': 'TYX', 'unit': 'um', 'finterval': 0.5})");

    @BeforeAll
    static void writeWithTifffile() throws IOException, InterruptedException {
        String imported = python("-c", "import tifffile");
        if (imported != null) {
            noTifffile = "python3-tifffile is not importable by /usr/bin/python3 (apt-get install -y python3-tifffile): " + imported;
            System.err.println("TifffileInteropTest skipped: " + noTifffile);
            return;
        }
        Path script = dir.resolve("write.py");
        Files.writeString(script, WRITE + "\n");
        String failed = python(script.toString(), dir.toString());
        assertTrue(failed == null, "tifffile writes the test files: " + failed);
    }

    /** Runs /usr/bin/python3 with {@code args}; null if it succeeded, else what it printed. */
    private static String python(String... args) throws IOException, InterruptedException {
        String[] command = new String[args.length + 1];
        command[0] = "/usr/bin/python3";
        System.arraycopy(args, 0, command, 1, args.length);
        Process p;
        try {
            p = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            return e.getMessage();
        }
        String printed = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "python finishes");
        return p.exitValue() == 0 ? null : printed;
    }

    private static ArrayMeta open(String name, String file) {
        assumeTrue(noTifffile == null, noTifffile);
        GridStack grid = TestGrid.grid();
        ArrayMeta meta = grid.open(name, dir.resolve(file).toString(), 0, -1, 0);
        assertArrayEquals(new long[] {T, H, W}, meta.grid().shape());
        short[] all = (short[]) grid.frames(name, 0, T);
        for (int i = 0; i < all.length; i++) assertEquals(i * 13 % 65536, all[i] & 0xffff, file + ", element " + i);
        return meta;
    }

    /** Steps to 1e-9: TIFF resolutions are rationals of 32-bit integers, so 1 / 0.3 is stored approximately. */
    private static void assertCalibration(Calibration expected, Calibration actual) {
        String both = "expected " + expected + ", was " + actual;
        assertEquals(expected.pixelHeight(), actual.pixelHeight(), 1e-9, both);
        assertEquals(expected.pixelWidth(), actual.pixelWidth(), 1e-9, both);
        assertEquals(expected.frameInterval(), actual.frameInterval(), 1e-12, both);
        assertEquals(expected.spaceUnit(), actual.spaceUnit(), both);
        assertEquals(expected.timeUnit(), actual.timeUnit(), both);
    }

    @Test
    void omeBigTiffTimeSeries() throws IOException {
        assumeTrue(noTifffile == null, noTifffile);
        byte[] head = Files.readAllBytes(dir.resolve("t.ome.tif"));
        assertEquals(43, head[2], "tifffile wrote a BigTIFF");
        assertCalibration(new Calibration(0.3, 0.2, "nm", 1.5, "ms"), open("tf-ome-t", "t.ome.tif").calibration());
    }

    @Test
    void omeZStackHasItsPixelSizeInMicrometresAndNoFrameInterval() {
        assertCalibration(new Calibration(0.25, 0.25, "\u00b5m", 1, null), open("tf-ome-z", "z.ome.tif").calibration());
    }

    @Test
    void imageJHyperstackTimeSeries() {
        assertCalibration(new Calibration(0.3, 0.2, "\u00b5m", 0.5, "s"), open("tf-ij", "ij.tif").calibration());
    }

    @Test
    void omeTimeAndZIsRefused() {
        assumeTrue(noTifffile == null, noTifffile);
        String file = dir.resolve("tz.ome.tif").toString();
        GridStackException e = assertThrows(GridStackException.class, () -> TestGrid.grid().open("tf-tz", file, 0, -1, 0));
        assertEquals(file + " is a hyperstack of 1 channels x 2 z slices x 2 time frames; Grid Stack opens one channel whose"
                + " pages are one axis (time frames, or z slices)", e.getMessage());
    }
}
