package org.gridstack;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.gridstack.array.ArrayMeta;
import org.gridstack.array.Calibration;
import org.gridstack.array.DataType;
import org.gridstack.base.GridStackException;
import org.gridstack.base.Progress;
import org.gridstack.zarr.OmeNgff;
import org.gridstack.zarr.ZarrArray;
import org.gridstack.zarr.ZarrDtype;
import org.gridstack.zarr.ZarrGroup;
import org.gridstack.zarr.ZarrHeader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Save to Zarr: an OME-NGFF image whose chunks are the grid's, read back here (and opened again) and, when it is installed, by zarr-python. */
class SaveZarrTest {
    @TempDir
    Path dir;

    @Test
    void savedArrayReadsBackChunkForChunkWithItsAxes() throws Exception {
        GridStack grid = TestGrid.grid();
        ArrayMeta meta = grid.open("zarr-src", new PatternSource(10, 37, 45, DataType.UINT16, 9, Set.of(2)), 4);
        Path out = grid.saveZarr("zarr-src", dir.resolve("saved.zarr").toString(), Progress.NONE);

        ZarrArray zarr = ZarrArray.open(out.resolve("0"));
        assertArrayEquals(meta.grid().shape(), zarr.header().shape());
        long sum = 0;
        for (long i = 0; i < meta.grid().chunkCount(); i++) {
            short[] stored = (short[]) zarr.readChunkInside(meta.grid().position(i));
            assertArrayEquals((short[]) grid.chunk("zarr-src", i), stored, "chunk " + i);
            for (short v : stored) sum += v & 0xffff;
        }
        ArrayMeta back = grid.openZarr("zarr-back", out.toString());
        assertEquals(meta.grid(), back.grid(), "the same chunks");
        assertArrayEquals((short[]) grid.frames("zarr-src", 0, 10), (short[]) grid.frames("zarr-back", 0, 10), "opened again, the same values");
        OmeNgff.Multiscale image = OmeNgff.read(ZarrGroup.open(out));
        assertEquals(List.of("t", "y", "x"), image.axes().stream().map(OmeNgff.Axis::name).toList());

        String python = "import zarr, sys; a = zarr.open(sys.argv[1], mode='r'); print(a.shape, int(a[:].astype('int64').sum()))";
        Process p = new ProcessBuilder("/usr/bin/python3", "-c", python, out.resolve("0").toString()).redirectErrorStream(true).start();
        String printed = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        if (p.exitValue() == 0) assertEquals("(10, 37, 45) " + sum, printed, "zarr-python reads the same values");
        else System.out.println("SaveZarrTest: zarr-python not available here (" + printed.lines().reduce((a, b) -> b).orElse("") + ")");
    }

    @Test
    void anArrayWrittenByZarrPythonOpensWithItsChunks() throws Exception {
        Path written = dir.resolve("from-python.zarr");
        String python = "import zarr, numpy, numcodecs, sys\n"
                + "a = zarr.open(sys.argv[1], mode='w', shape=(5, 20, 30), chunks=(2, 8, 8), dtype='<u2', compressor=numcodecs.Zlib(level=3))\n"
                + "a[:] = (numpy.arange(5 * 20 * 30, dtype='int64').reshape(5, 20, 30) * 7919 % 65536).astype('<u2')\n";
        Process p = new ProcessBuilder("/usr/bin/python3", "-c", python, written.toString()).redirectErrorStream(true).start();
        String printed = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assumeTrue(p.exitValue() == 0, "zarr-python not available here: " + printed);
        GridStack grid = TestGrid.grid();
        ArrayMeta meta = grid.openZarr("zarr-python", written.toString());
        assertArrayEquals(new int[] {2, 8, 8}, meta.grid().chunkShape(), "the file's own chunks");
        short[] all = (short[]) grid.frames("zarr-python", 0, 5);
        for (int i = 0; i < all.length; i++) assertEquals((int) ((long) i * 7919 % 65536), all[i] & 0xffff, "element " + i);
    }

    @Test
    void calibrationComesInWithTheImageAndGoesThroughRecenterFftAndSave() {
        Path image = dir.resolve("calibrated.zarr");
        ZarrArray level0 = OmeNgff.createImage(image, OmeNgff.timeYx("cal", 0.5, "second", 0.004, 0.004, "micrometer"),
                ZarrHeader.of(new long[] {8, 24, 24}, new int[] {4, 24, 24}, ZarrDtype.U1));
        for (long t = 0; t < 2; t++) {
            byte[] chunk = new byte[4 * 24 * 24];
            for (int i = 0; i < chunk.length; i++) chunk[i] = (byte) ((i * 37 + t * 11) % 200);
            level0.writeChunk(new long[] {t, 0, 0}, chunk);
        }
        GridStack grid = TestGrid.grid();
        Calibration expected = new Calibration(0.004, 0.004, "\u00b5m", 0.5, "s");
        assertEquals(expected, grid.openZarr("cal", image.toString()).calibration());
        assertEquals(expected, grid.recenter("cal", "cal-rc", 12, Progress.NONE).calibration(), "recenter keeps the pixel size");
        Calibration spectrum = grid.fftPower("cal", "cal-power", 8, Progress.NONE).calibration();
        assertEquals(new Calibration(0.004, 0.004, "\u00b5m", 1.0 / (8 * 0.5), "1/s"), spectrum, "axis 0 in frequency bins");
        Path saved = grid.saveZarr("cal-rc", dir.resolve("saved-cal.zarr").toString(), Progress.NONE);
        assertEquals(expected, grid.openZarr("cal-again", saved.toString()).calibration(), "Zarr output records it");
    }

    @Test
    void aFolderThatIsNotEmptyIsRefusedAndKept() throws Exception {
        GridStack grid = TestGrid.grid();
        grid.open("zarr-keep", new PatternSource(4, 8, 8, DataType.UINT8, 1, Set.of()), 2);
        Path folder = Files.createDirectories(dir.resolve("taken"));
        Files.writeString(folder.resolve("notes.txt"), "mine");
        GridStackException e = assertThrows(GridStackException.class, () -> grid.saveZarr("zarr-keep", folder.toString(), Progress.NONE));
        assertTrue(e.getMessage().contains("the folder is not empty"), e.getMessage());
        assertEquals("mine", Files.readString(folder.resolve("notes.txt")));
    }
}
