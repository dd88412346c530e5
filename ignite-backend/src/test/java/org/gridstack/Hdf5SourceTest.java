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
import org.gridstack.array.DataType;
import org.gridstack.base.GridStackException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HDF5 datasets written by Python's h5py (Debian's python3-h5py), an independent implementation, opened as grid
 * arrays and compared value for value with the formula Python wrote: each type Grid Stack reads, contiguous and
 * chunked (gzip with shuffle, lzf, Fletcher32 checksums), both byte orders, frame ranges, chunks that follow the
 * file's along t, chunks never written (the fill value), the pixel size from {@code element_size_um}, and one
 * message for each kind of bad input. Skipped when h5py is missing.
 */
class Hdf5SourceTest {
    private static final int T = 7, H = 20, W = 30;

    @TempDir
    static Path dir;
    private static String noH5py;

    /** Element i of a file is (i * mul) % mod + off, written in the dataset's type; the same formula checks it here. */
    private static final String WRITE = String.join("\n",
            "import h5py, numpy as np, sys",
            "d = sys.argv[1]",
            "def v(shape, mul, mod, off, dtype):",
            "    i = np.arange(int(np.prod(shape)), dtype='int64').reshape(shape)",
            "    return ((i * mul) % mod + off).astype(dtype)",
            "s = (7, 20, 30)",
            "with h5py.File(d + '/two.h5', 'w') as f:",
            "    g = f.create_group('em')",
            "    r = g.create_dataset('raw', data=v(s, 7919, 256, 0, 'u1'), chunks=(2, 10, 15), compression='gzip', shuffle=True)",
            "    r.attrs['element_size_um'] = np.array([1.0, 0.004, 0.005], dtype='f4')",
            "    g.create_dataset('label', data=v(s, 31, 65536, -32768, '<i2'), chunks=(3, 20, 30), compression='lzf')",
            "    f.create_dataset('mean', data=np.zeros((20, 30), 'f4'))",
            "with h5py.File(d + '/u16.h5', 'w') as f:",
            "    f.create_dataset('data', data=v(s, 7919, 65536, 0, '<u2'))",
            "with h5py.File(d + '/i32.h5', 'w') as f:",
            "    f.create_dataset('data', data=v(s, 1000003, 2**31, -2**30, '>i4'), chunks=(1, 20, 30))",
            "with h5py.File(d + '/f32.h5', 'w') as f:",
            "    f.create_dataset('x', data=(v(s, 13, 1000, -500, 'f8') * 0.25).astype('<f4'), chunks=(4, 5, 30), compression='gzip', fletcher32=True)",
            "with h5py.File(d + '/f64.h5', 'w') as f:",
            "    f.create_dataset('x', data=v(s, 17, 1000, -500, 'f8') / 8)",
            "with h5py.File(d + '/bad-types.h5', 'w') as f:",
            "    f.create_dataset('u32', data=v(s, 1, 100, 0, '<u4'))",
            "    f.create_dataset('i8', data=v(s, 1, 100, 0, 'i1'))",
            "    f.create_dataset('flat', data=np.zeros((20, 30), 'u1'))",
            "with h5py.File(d + '/sparse.h5', 'w') as f:",
            "    p = f.create_dataset('p', shape=s, dtype='<u2', chunks=(2, 8, 30), fillvalue=4321)",
            "    p[0:2] = v((2, 20, 30), 7919, 65536, 0, '<u2')",
            "with h5py.File(d + '/flat.h5', 'w') as f:",
            "    f.create_dataset('plane', data=np.zeros((20, 30), 'u1'))");

    @BeforeAll
    static void writeWithH5py() throws IOException, InterruptedException {
        String imported = python("-c", "import h5py");
        if (imported != null) {
            noH5py = "python3-h5py is not importable by /usr/bin/python3 (apt-get install -y python3-h5py): " + imported;
            System.err.println("Hdf5SourceTest skipped: " + noH5py);
            return;
        }
        Path script = dir.resolve("write.py");
        Files.writeString(script, WRITE + "\n");
        String failed = python(script.toString(), dir.toString());
        assertTrue(failed == null, "h5py writes the test files: " + failed);
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

    private static GridStack grid() {
        assumeTrue(noH5py == null, noH5py);
        return TestGrid.grid();
    }

    private static String file(String name) {
        return dir.resolve(name).toString();
    }

    private static long value(long i, long mul, long mod, long off) {
        return i * mul % mod + off;
    }

    @Test
    void uint8ChunkedGzipWithItsPixelSizeAndChunksThatFollowTheFile() {
        GridStack grid = grid();
        ArrayMeta meta = grid.open("h5-raw", file("two.h5") + ":/em/raw", 0, -1, 0);
        assertEquals(DataType.UINT8, meta.type());
        assertArrayEquals(new long[] {T, H, W}, meta.grid().shape());
        assertEquals(6, meta.grid().chunkShape()[0], "whole multiples of the file's 2-frame chunks");
        assertEquals(new Calibration(0.004, 0.005, "\u00b5m", 1, null), meta.calibration(), "element_size_um (z, y, x)");
        byte[] all = (byte[]) grid.frames("h5-raw", 0, T);
        for (int i = 0; i < all.length; i++) assertEquals(value(i, 7919, 256, 0), all[i] & 0xff, "element " + i);
    }

    @Test
    void int16LzfFramesFirstToLast() {
        GridStack grid = grid();
        ArrayMeta meta = grid.open("h5-label", file("two.h5") + ":/em/label", 2, 5, 0);
        assertEquals(DataType.INT16, meta.type());
        assertArrayEquals(new long[] {4, H, W}, meta.grid().shape());
        assertEquals(Calibration.NONE, meta.calibration());
        short[] all = (short[]) grid.frames("h5-label", 0, 4);
        for (int i = 0; i < all.length; i++) assertEquals(value(i + 2 * H * W, 31, 65536, -32768), all[i], "element " + i);
    }

    @Test
    void theOnly3dDatasetOpensFromTheFileNameAlone() {
        GridStack grid = grid();
        ArrayMeta meta = grid.open("h5-u16", file("u16.h5"), 0, -1, 3);
        assertEquals(DataType.UINT16, meta.type());
        assertEquals(3, meta.grid().chunkShape()[0], "frames per chunk as asked");
        short[] all = (short[]) grid.frames("h5-u16", 0, T);
        for (int i = 0; i < all.length; i++) assertEquals(value(i, 7919, 65536, 0), all[i] & 0xffff, "element " + i);
    }

    @Test
    void chunksNeverWrittenHoldTheFillValue() {
        GridStack grid = grid();
        grid.open("h5-sparse", file("sparse.h5"), 0, -1, 0);
        short[] all = (short[]) grid.frames("h5-sparse", 0, T);
        for (int i = 0; i < all.length; i++) {
            assertEquals(i < 2 * H * W ? value(i, 7919, 65536, 0) : 4321, all[i] & 0xffff, "element " + i);
        }
    }

    @Test
    void anHdf5FileOfAnotherNameIsKnownByItsSignature() throws IOException {
        GridStack grid = grid();
        Path other = Files.copy(dir.resolve("u16.h5"), dir.resolve("u16.ilp"));
        assertEquals(DataType.UINT16, grid.open("h5-ilp", other.toString(), 0, -1, 0).type());
        short[] frame = (short[]) grid.frames("h5-ilp", 6, 1);
        for (int i = 0; i < frame.length; i++) assertEquals(value(i + 6 * H * W, 7919, 65536, 0), frame[i] & 0xffff, "element " + i);
        assertEquals(DataType.UINT16, grid.open("h5-ilp-path", other + ":/data", 1, 1, 0).type());
    }

    @Test
    void bigEndianInt32AndFloats() {
        GridStack grid = grid();
        assertEquals(DataType.INT32, grid.open("h5-i32", file("i32.h5"), 0, -1, 0).type());
        int[] ints = (int[]) grid.frames("h5-i32", 0, T);
        for (int i = 0; i < ints.length; i++) assertEquals(value(i, 1000003, 1L << 31, -(1L << 30)), ints[i], "int32 element " + i);
        assertEquals(DataType.FLOAT32, grid.open("h5-f32", file("f32.h5") + ":/x", 0, -1, 0).type());
        float[] floats = (float[]) grid.frames("h5-f32", 0, T);
        for (int i = 0; i < floats.length; i++) assertEquals(value(i, 13, 1000, -500) * 0.25, floats[i], "float32 element " + i);
        assertEquals(DataType.FLOAT64, grid.open("h5-f64", file("f64.h5"), 0, -1, 0).type());
        double[] doubles = (double[]) grid.frames("h5-f64", 0, T);
        for (int i = 0; i < doubles.length; i++) assertEquals(value(i, 17, 1000, -500) / 8.0, doubles[i], "float64 element " + i);
    }

    @Test
    void badInputsAreRefusedNamingTheCause() throws IOException {
        GridStack grid = grid();
        Path notHdf5 = dir.resolve("text.h5");
        Files.writeString(notHdf5, "not an HDF5 file at all\n");
        assertRefused(grid, file("missing.h5"), "missing file: " + file("missing.h5"));
        assertRefused(grid, notHdf5.toString(), notHdf5 + " is not an HDF5 file");
        assertRefused(grid, file("two.h5"), "holds 2 3-D datasets (datasets: /em/label 3-D (7 x 20 x 30), /em/raw 3-D (7 x 20 x 30))",
                "name one as " + file("two.h5") + ":/path/to/dataset");
        assertRefused(grid, file("two.h5") + ":/em/nothing", "has no dataset /em/nothing", "/em/raw 3-D");
        assertRefused(grid, file("two.h5") + ":/em", ":/em is a group, not a dataset");
        assertRefused(grid, file("two.h5") + ":/mean", ":/mean is 2-D (20 x 30); Grid Stack opens 3-D datasets, axes (t, y, x)");
        assertRefused(grid, file("flat.h5"), "holds no 3-D dataset (datasets: /plane 2-D (20 x 30))");
        assertRefused(grid, file("bad-types.h5") + ":/u32", ":/u32 holds uint32; Grid Stack opens HDF5 uint8, uint16, int16, int32, float32 and float64");
        assertRefused(grid, file("bad-types.h5") + ":/i8", ":/i8 holds int8;");
        GridStackException e = assertThrows(GridStackException.class, () -> grid.open("h5-bad", file("u16.h5"), 7, -1, 0));
        assertEquals("first (7) is beyond the 7 frames of " + file("u16.h5") + ":/data", e.getMessage());
    }

    private static void assertRefused(GridStack grid, String source, String... parts) {
        GridStackException e = assertThrows(GridStackException.class, () -> grid.open("h5-bad", source, 0, -1, 0), source);
        for (String part : parts) assertTrue(e.getMessage().contains(part), "\"" + e.getMessage() + "\" says " + part);
        assertTrue(grid.findArray("h5-bad") == null, "nothing is opened");
    }
}
