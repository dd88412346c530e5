package org.gridstack;

import org.gridstack.base.GridStackException;
import static org.gridstack.ProjectionNumericsTest.assertFrameEquals;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.gridstack.TestImages.Stack;
import org.gridstack.array.ArrayMeta;
import org.gridstack.base.Progress;
import org.gridstack.ops.project.Projection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input fails with a GridStackException naming the file, URL or parameter at fault, and leaves the grid as it
 * was: a persisted reference array keeps its chunks in memory and its numbers after every failure. Failures that
 * are found while checking a source are opened under the reference array's own name, so the failed open must not
 * have replaced it.
 */
class BadInputTest {
    private static final String REF = "bad-ref";

    @TempDir
    static Path refDir;
    @TempDir
    Path dir;

    private static Stack ref;
    private static double[] refAverage;
    private static double[] refMeans;
    private final GridStack grid = TestGrid.grid();

    @BeforeAll
    static void persistReference() throws Exception {
        ref = TestImages.random(99, 20, 48, 64, false, 5);
        ref.writeFiles(refDir, "ref_%02d.tif", "tiff", 0);
        GridStack grid = TestGrid.grid();
        grid.open(REF, refDir.resolve("ref_%02d.tif").toString(), 0, -1, 3);
        grid.persist(REF, Progress.NONE);
        refAverage = TestImages.average(ref);
        refMeans = TestImages.sliceMeans(ref);
    }

    @AfterEach
    void referenceIsIntact() {
        ArrayMeta meta = grid.array(REF);
        assertEquals(20, meta.grid().frames());
        assertEquals(7, meta.grid().chunkCount());
        for (long i = 0; i < meta.grid().chunkCount(); i++) assertTrue(grid.isInMemory(REF, i), "reference chunk " + i + " lost");
        assertArrayEquals(refAverage, grid.project(REF, Projection.AVERAGE, Progress.NONE), "reference AVERAGE");
        assertArrayEquals(refMeans, grid.sliceMeans(REF, Progress.NONE), "reference slice means");
        assertFrameEquals(ref.frames.get(13), grid.frame(REF, 13), "reference frame 13");
    }

    /** Runs {@code call}, expects a GridStackException whose message contains every one of {@code parts}. */
    private static GridStackException fails(Executable call, String... parts) {
        GridStackException e = assertThrows(GridStackException.class, call);
        for (String p : parts) assertTrue(e.getMessage().contains(p), "message \"" + e.getMessage() + "\" does not name " + p);
        return e;
    }

    private String refPattern() {
        return refDir.resolve("ref_%02d.tif").toString();
    }

    @Test
    void emptyFolderAndFolderWithoutImages() throws Exception {
        Path empty = Files.createDirectory(dir.resolve("empty"));
        fails(() -> grid.open(REF, empty.toString(), 0, -1, 0), empty.toString(), "no TIFF, PNG or JPEG");
        Path junk = Files.createDirectory(dir.resolve("junk"));
        Files.write(junk.resolve("readme.txt"), "x".getBytes(StandardCharsets.UTF_8));
        Files.write(junk.resolve(".hidden.tif"), "x".getBytes(StandardCharsets.UTF_8));
        fails(() -> grid.open(REF, junk.toString(), 0, -1, 0), junk.toString());
        Path nowhere = dir.resolve("does-not-exist");
        fails(() -> grid.open(REF, nowhere.toString(), 0, -1, 0), nowhere.toString());
    }

    @Test
    void missingFileInPatternRange() throws Exception {
        TestImages.random(1, 10, 16, 16, false).writeFiles(dir, "m_%03d.tif", "tiff", 0);
        Files.delete(dir.resolve("m_004.tif"));
        String pattern = dir.resolve("m_%03d.tif").toString();
        fails(() -> grid.open(REF, pattern, 0, 9, 0), dir.resolve("m_004.tif").toString(), "missing");
        fails(() -> grid.open(REF, pattern, 4, -1, 0), dir.resolve("m_004.tif").toString(), "missing");
        // "to the end" does not stop silently at a gap with slices after it
        fails(() -> grid.open(REF, pattern, 0, -1, 0), dir.resolve("m_004.tif").toString(), dir.resolve("m_005.tif").toString(), "last=3");
    }


    /** Garbage bytes (and a truncated TIFF) named .tif: open is lazy and succeeds; persist fails naming the file. */
    @Test
    void corruptFileFailsAtPersistKeepingChunksMadeBefore() throws Exception {
        Stack s = TestImages.random(2, 20, 48, 64, false);
        s.writeFiles(dir, "c_%02d.tif", "tiff", 0);
        Path bad = dir.resolve("c_13.tif");
        Files.write(bad, "this is not a TIFF file at all, just text".getBytes(StandardCharsets.UTF_8));
        String name = "bad-corrupt";
        ArrayMeta meta = grid.open(name, dir.resolve("c_%02d.tif").toString(), 0, -1, 4);
        long badChunk = 13 / 4;
        assertFrameEquals(s.frames.get(1), grid.frame(name, 1), "frame 1 before the failure");
        assertTrue(grid.isInMemory(name, 0));
        fails(() -> grid.persist(name, Progress.NONE), bad.toString());
        assertTrue(grid.isInMemory(name, 0), "chunk made before the failure was lost");
        assertFalse(grid.isInMemory(name, badChunk), "chunk with the corrupt slice is in memory");
        fails(() -> grid.project(name, Projection.MAX, Progress.NONE), bad.toString());
        fails(() -> grid.frame(name, 13), bad.toString());

        // a real TIFF cut in half: a reader is found, decoding fails
        byte[] good = Files.readAllBytes(dir.resolve("c_12.tif"));
        Files.write(bad, Arrays.copyOf(good, good.length / 2));
        fails(() -> grid.persist(name, Progress.NONE), bad.toString());
        assertTrue(grid.isInMemory(name, 0));

        // repaired on disk: persist completes and the numbers are right
        TestImages.write(s.image(13), "tiff", bad);
        assertEquals(meta.bytes(), grid.persist(name, Progress.NONE));
        for (long i = 0; i < meta.grid().chunkCount(); i++) assertTrue(grid.isInMemory(name, i));
        assertArrayEquals(TestImages.average(s), grid.project(name, Projection.AVERAGE, Progress.NONE));
        grid.drop(name);
    }

    @Test
    void corruptSingleFileSourceFailsAtOpen() throws Exception {
        Path bad = dir.resolve("garbage.tif");
        Files.write(bad, new byte[] {0x13, 0x37, 0, 1, 2, 3, 4, 5});
        fails(() -> grid.open(REF, bad.toString(), 0, -1, 0), bad.toString());
    }

    @Test
    void sliceOfAnotherSizeFailsAtPersist() throws Exception {
        Stack s = TestImages.random(3, 10, 48, 64, false);
        s.writeFiles(dir, "z_%02d.tif", "tiff", 0);
        Path odd = dir.resolve("z_07.tif");
        TestImages.write(new BufferedImage(48, 64, BufferedImage.TYPE_BYTE_GRAY), "tiff", odd);
        grid.open("bad-size", dir.toString(), 0, -1, 2);
        fails(() -> grid.persist("bad-size", Progress.NONE), odd.toString(), "differs", "48 x 64", "64 x 48");
        grid.drop("bad-size");
    }

    @Test
    void sliceOfAnotherTypeFailsAtPersist() throws Exception {
        Stack s = TestImages.random(4, 10, 48, 64, false);
        s.writeFiles(dir, "y_%02d.tif", "tiff", 0);
        Path odd = dir.resolve("y_06.tif");
        TestImages.write(new BufferedImage(64, 48, BufferedImage.TYPE_USHORT_GRAY), "tiff", odd);
        grid.open("bad-type", dir.resolve("y_%02d.tif").toString(), 0, 9, 3);
        fails(() -> grid.persist("bad-type", Progress.NONE), odd.toString(), "differs", "16-bit", "8-bit");
        grid.drop("bad-type");
    }

    @Test
    void colourImageIsRejectedNamingTheFile() throws Exception {
        Path rgb = dir.resolve("rgb.png");
        TestImages.write(new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB), "png", rgb);
        fails(() -> grid.open(REF, rgb.toString(), 0, -1, 0), rgb.toString(), "channel");
    }

    @Test
    void unreachableUrl() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        String pattern = "http://127.0.0.1:" + port + "/files/s%d.png";
        fails(() -> grid.open(REF, pattern, 0, 3, 0), "http://127.0.0.1:" + port + "/files/s0.png");
    }

    @Test
    void http404AtOpenAndAtPersist() throws Exception {
        TestImages.random(5, 6, 16, 16, false).writeFiles(dir, "h%d.png", "png", 0);
        Files.delete(dir.resolve("h4.png"));
        try (TestHttpServer http = new TestHttpServer(dir)) {
            fails(() -> grid.open(REF, http.base() + "nothing%d.png", 0, 3, 0), "404", http.base() + "nothing0.png");
            grid.open("bad-404", http.base() + "h%d.png", 0, 5, 2);
            fails(() -> grid.persist("bad-404", Progress.NONE), "404", http.base() + "h4.png");
            assertFalse(grid.isInMemory("bad-404", 2), "chunk of the missing slice is in memory");
            grid.drop("bad-404");
        }
    }

    @Test
    void badPatterns() {
        String d = dir.toString();
        fails(() -> grid.open(REF, d + "/s_%s.tif", 0, 3, 0), "bad pattern", d + "/s_%s.tif", "%s");
        fails(() -> grid.open(REF, d + "/s_%d_%d.tif", 0, 3, 0), "bad pattern", d + "/s_%d_%d.tif", "found 2");
        fails(() -> grid.open(REF, d + "/s_%x.tif", 0, 3, 0), "bad pattern", "%x");
        fails(() -> grid.open(REF, d + "/100%%.tif", 0, 3, 0), "bad pattern", "found 0");
        fails(() -> grid.open(REF, d + "/s_%d%.tif", 0, 3, 0), "bad pattern", d + "/s_%d%.tif");
        fails(() -> grid.open(REF, "http://127.0.0.1:1/s.png", 0, 3, 0), "bad pattern", "http://127.0.0.1:1/s.png", "found 0");
        fails(() -> grid.open(REF, "http://127.0.0.1:1/s_%s.png", 0, 3, 0), "bad pattern", "%s");
    }

    @Test
    void firstAndLastOutOfRange() throws Exception {
        String pattern = refPattern();
        String folder = refDir.toString();
        fails(() -> grid.open(REF, pattern, -1, 5, 0), "first (-1)");
        fails(() -> grid.open(REF, folder, -3, -1, 0), "first (-3)");
        fails(() -> grid.open(REF, pattern, 5, 2, 0), "last (2)", "first (5)");
        fails(() -> grid.open(REF, folder, 0, 25, 0), "last (25)", folder, "20");
        fails(() -> grid.open(REF, folder, 20, -1, 0), "first (20)", folder);
        fails(() -> grid.open(REF, pattern, 0, 20, 0), refDir.resolve("ref_20.tif").toString());
        fails(() -> grid.open(REF, pattern, 20, -1, 0), refDir.resolve("ref_20.tif").toString());
        fails(() -> grid.open(REF, "http://127.0.0.1:1/s%d.png", 0, -1, 0), "last");

        Stack s = TestImages.random(6, 3, 16, 16, false);
        Path tiff = dir.resolve("three.tif");
        TestImages.writeMultiPageTiff(s, tiff);
        fails(() -> grid.open(REF, tiff.toString(), 0, 3, 0), "last (3)", tiff.toString());
        fails(() -> grid.open(REF, tiff.toString(), 3, -1, 0), "first (3)", tiff.toString());
        fails(() -> grid.open(REF, pattern, 0, -1, -2), "frames per chunk");
    }

    @Test
    void blankSourceOrName() {
        fails(() -> grid.open(REF, "   ", 0, -1, 0), "source");
        fails(() -> grid.open(REF, (String) null, 0, -1, 0), "source");
        fails(() -> grid.open("  ", refPattern(), 0, -1, 0), "name");
        fails(() -> grid.open(null, refPattern(), 0, -1, 0), "name");
    }

    @Test
    void unknownArrayNameAndOutOfRangeIndices() {
        String nope = "no-such-array";
        fails(() -> grid.project(nope, Projection.AVERAGE, Progress.NONE), nope, REF);
        fails(() -> grid.persist(nope, Progress.NONE), nope);
        fails(() -> grid.sliceMeans(nope, Progress.NONE), nope);
        fails(() -> grid.frame(nope, 0), nope);
        fails(() -> grid.chunk(nope, 0), nope);
        fails(() -> grid.isInMemory(nope, 0), nope);
        fails(() -> grid.drop(nope), nope);
        fails(() -> grid.frame(REF, 20), "frame 20", REF);
        fails(() -> grid.frame(REF, -1), "frame -1", REF);
        fails(() -> grid.chunk(REF, 7), "chunk 7", REF);
    }
}
