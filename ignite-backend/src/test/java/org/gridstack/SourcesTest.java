package org.gridstack;

import static org.gridstack.ProjectionNumericsTest.assertFrameEquals;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.gridstack.TestImages.Stack;
import org.gridstack.array.ArrayMeta;
import org.gridstack.array.DataType;
import org.gridstack.base.GridStackException;
import org.gridstack.base.Progress;
import org.gridstack.ops.project.Projection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every source kind read back pixel for pixel, and opening stays lazy until persist. */
class SourcesTest {
    @TempDir
    Path dir;

    private final GridStack grid = TestGrid.grid();

    /** Opens lazily (no chunk in memory), persists (every chunk in memory), checks frames and the mean projection. */
    private void assertReadsAs(String array, List<Object> expectedFrames, boolean sixteenBit) {
        ArrayMeta meta = grid.array(array);
        assertEquals(expectedFrames.size(), meta.grid().frames(), array + " frames");
        assertEquals(sixteenBit ? DataType.UINT16 : DataType.UINT8, meta.type());
        for (long i = 0; i < meta.grid().chunkCount(); i++) assertFalse(grid.isInMemory(array, i), array + " chunk " + i + " read at open");
        assertEquals(meta.bytes(), grid.persist(array, Progress.NONE));
        for (long i = 0; i < meta.grid().chunkCount(); i++) assertTrue(grid.isInMemory(array, i), array + " chunk " + i + " not persisted");
        for (int t = 0; t < expectedFrames.size(); t++) assertFrameEquals(expectedFrames.get(t), grid.frame(array, t), array + " frame " + t);
        Stack s = new Stack(meta.grid().width(), meta.grid().height(), sixteenBit);
        s.frames.addAll(expectedFrames);
        assertArrayEquals(TestImages.average(s), grid.project(array, Projection.AVERAGE, Progress.NONE), array + " AVERAGE");
        assertArrayEquals(TestImages.sliceMeans(s), grid.sliceMeans(array, Progress.NONE), array + " slice means");
    }

    @Test
    void folderInNaturalOrderIgnoringOtherAndHiddenFiles() throws Exception {
        Stack s = TestImages.labelled(6, 48, 64);
        int[] numbers = {1, 2, 3, 9, 10, 11};
        for (int t = 0; t < 6; t++) TestImages.write(s.image(t), "tiff", dir.resolve("slice" + numbers[t] + ".tif"));
        // garbage that would break the stack if it were taken as a slice
        Files.write(dir.resolve("notes.txt"), "not an image".getBytes(StandardCharsets.UTF_8));
        Files.write(dir.resolve("Thumbs.db"), new byte[] {1, 2, 3});
        Files.write(dir.resolve(".hidden.tif"), "hidden, not a tiff".getBytes(StandardCharsets.UTF_8));
        Files.write(dir.resolve("._slice5.tif"), "macOS resource fork".getBytes(StandardCharsets.UTF_8));
        Files.createDirectory(dir.resolve("slice4.tif")); // a folder with an image-like name is not a slice

        grid.open("src-folder", dir.toString(), 0, -1, 4);
        assertReadsAs("src-folder", s.frames, false);

        grid.open("src-folder-range", dir.toString(), 2, 4, 2);
        assertReadsAs("src-folder-range", s.frames.subList(2, 5), false);
        grid.drop("src-folder");
        grid.drop("src-folder-range");
    }

    @Test
    void printfPatternWithFirstLastAndAutoScan() throws Exception {
        Stack s = TestImages.random(7, 12, 48, 64, false);
        s.writeFiles(dir, "img_%03d.tif", "tiff", 0);
        String pattern = dir.resolve("img_%03d.tif").toString();

        grid.open("src-pattern-range", pattern, 3, 8, 4);
        assertReadsAs("src-pattern-range", s.frames.subList(3, 9), false);

        grid.open("src-pattern-auto", pattern, 2, -1, 3);
        assertReadsAs("src-pattern-auto", s.frames.subList(2, 12), false);

        // auto-scan does not stop silently at a gap that has slices after it: it says so, and last= opens up to it
        Files.delete(dir.resolve("img_007.tif"));
        GridStackException gap = assertThrows(GridStackException.class, () -> grid.open("src-pattern-gap", pattern, 0, -1, 3));
        assertTrue(gap.getMessage().contains("img_007.tif") && gap.getMessage().contains("give last=6"), gap.getMessage());
        grid.open("src-pattern-gap", pattern, 0, 6, 3);
        assertReadsAs("src-pattern-gap", s.frames.subList(0, 7), false);
        for (String a : new String[] {"src-pattern-range", "src-pattern-auto", "src-pattern-gap"}) grid.drop(a);
    }

    /**
     * Slice numbers are formatted with ASCII digits whatever the default locale: under ar-EG, Java's %d gives
     * Arabic-Indic digits, which no file or URL name has.
     */
    @Test
    void patternIsLocaleIndependent() throws Exception {
        Stack s = TestImages.random(8, 3, 16, 16, false);
        s.writeFiles(dir, "loc_%02d.tif", "tiff", 0);
        Locale before = Locale.getDefault(Locale.Category.FORMAT);
        try (TestHttpServer http = new TestHttpServer(dir)) {
            Locale.setDefault(Locale.Category.FORMAT, Locale.forLanguageTag("ar-EG"));
            grid.open("src-locale", dir.resolve("loc_%02d.tif").toString(), 0, 2, 1);
            assertReadsAs("src-locale", s.frames, false);
            grid.open("src-locale-url", http.base() + "loc_%02d.tif", 0, 2, 1);
            assertReadsAs("src-locale-url", s.frames, false);
        } finally {
            Locale.setDefault(Locale.Category.FORMAT, before);
        }
        grid.drop("src-locale");
        grid.drop("src-locale-url");
    }

    @Test
    void multiPageTiff8And16Bit() throws Exception {
        Stack s16 = TestImages.random(9, 7, 37, 53, true, 3);
        Path f16 = dir.resolve("pages16.tif");
        TestImages.writeMultiPageTiff(s16, f16);
        grid.open("src-tiff16", f16.toString(), 0, -1, 3);
        assertReadsAs("src-tiff16", s16.frames, true);
        grid.open("src-tiff16-range", f16.toString(), 2, 4, 2);
        assertReadsAs("src-tiff16-range", s16.frames.subList(2, 5), true);

        Stack s8 = TestImages.random(10, 9, 48, 64, false);
        Path f8 = dir.resolve("pages8.tiff");
        TestImages.writeMultiPageTiff(s8, f8);
        grid.open("src-tiff8", f8.toString(), 0, -1, 4);
        assertReadsAs("src-tiff8", s8.frames, false);
        for (String a : new String[] {"src-tiff16", "src-tiff16-range", "src-tiff8"}) grid.drop(a);
    }

    @Test
    void png8AndPng16AndGreyJpeg() throws Exception {
        Stack png8 = TestImages.random(11, 5, 48, 64, false, 1);
        png8.writeFiles(dir.resolve("png8"), "p%d.png", "png", 0);
        grid.open("src-png8", dir.resolve("png8").toString(), 0, -1, 2);
        assertReadsAs("src-png8", png8.frames, false);

        Stack png16 = TestImages.random(12, 5, 37, 53, true);
        png16.writeFiles(dir.resolve("png16"), "p%d.png", "png", 0);
        grid.open("src-png16", dir.resolve("png16").resolve("p%d.png").toString(), 0, 4, 2);
        assertReadsAs("src-png16", png16.frames, true);

        // JPEG is lossy: the expectation is what ImageIO itself decodes from each file
        Stack jpg = TestImages.random(13, 5, 48, 64, false);
        Path jpgDir = dir.resolve("jpg");
        jpg.writeFiles(jpgDir, "j%d.jpg", "jpg", 0);
        List<Object> decoded = new ArrayList<>();
        for (int t = 0; t < 5; t++) decoded.add(TestImages.decode(jpgDir.resolve("j" + t + ".jpg")));
        assertTrue(decoded.get(0) instanceof byte[], "grey JPEG decodes to 8-bit");
        grid.open("src-jpg", jpgDir.toString(), 0, -1, 2);
        assertReadsAs("src-jpg", decoded, false);
        for (String a : new String[] {"src-png8", "src-png16", "src-jpg"}) grid.drop(a);
    }

    @Test
    void httpUrlPatternReadsLazily() throws Exception {
        Stack s = TestImages.random(14, 8, 48, 64, false, 0);
        s.writeFiles(dir, "u%d.png", "png", 1);
        Stack s16 = TestImages.random(15, 4, 37, 53, true);
        s16.writeFiles(dir, "w%02d.tif", "tiff", 0);
        try (TestHttpServer http = new TestHttpServer(dir)) {
            grid.open("src-http", http.base() + "u%d.png", 1, 8, 3);
            assertEquals(1, http.requests.get(), "open fetches slice 0 only");
            assertReadsAs("src-http", s.frames, false);
            assertEquals(1 + 8, http.requests.get(), "persist fetches each slice once");

            grid.open("src-http16", http.base() + "w%02d.tif", 1, 3, 2);
            assertReadsAs("src-http16", s16.frames.subList(1, 4), true);
        }
        grid.drop("src-http");
        grid.drop("src-http16");
    }

    /** Opening a new source under an existing name replaces the array: no stale chunk from the old one is served. */
    @Test
    void reopeningANameServesTheNewPixels() throws Exception {
        Stack a = TestImages.random(16, 6, 48, 64, false);
        Stack b = TestImages.random(17, 4, 48, 64, false);
        a.writeFiles(dir.resolve("a"), "a%d.tif", "tiff", 0);
        b.writeFiles(dir.resolve("b"), "b%d.tif", "tiff", 0);
        grid.open("src-reopen", dir.resolve("a").toString(), 0, -1, 2);
        grid.persist("src-reopen", Progress.NONE);
        assertFrameEquals(a.frames.get(1), grid.frame("src-reopen", 1), "old frame 1");
        grid.overwriting().open("src-reopen", dir.resolve("b").toString(), 0, -1, 2);
        assertReadsAs("src-reopen", b.frames, false);
        grid.drop("src-reopen");
    }
}
