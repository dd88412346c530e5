package org.gridstack.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.gridstack.base.GridStackException;
import org.junit.jupiter.api.Test;

class SliceNamePatternTest {
    @Test
    void namesEqualWhatStringFormatGives() {
        String[] patterns = {"/d/slice_%05d.tif", "s%d.png", "%3d", "a%%b_%04d_%%.tif", "%%%d%%", "x_%1d", "%012d.tiff",
            "http://h:8/em/z%06d.png?v=1"};
        int[] indices = {0, 1, 9, 10, 99, 999, 1000, 12345, 99999, 100000, 2147483647};
        for (String pattern : patterns) {
            SliceNamePattern names = SliceNamePattern.of(pattern);
            for (int i : indices) assertEquals(String.format(Locale.ROOT, pattern, i), names.name(i), pattern + " at " + i);
        }
    }

    @Test
    void badPatternsAreRefusedNamingTheCause() {
        expectBad("s_%s.tif", "%s");
        expectBad("s_%x.tif", "%x");
        expectBad("s_%-5d.tif", "%-5d");
        expectBad("s_%0d.tif", "needs a width");
        expectBad("s_%d_%05d.tif", "found 2");
        expectBad("100%%.tif", "found 0");
        expectBad("s_%d%.tif", "found %.t");
        expectBad("s_%d%", "%%");
        expectBad("s_%99999999999d.tif", "too large");
    }

    private static void expectBad(String pattern, String cause) {
        String message = assertThrows(GridStackException.class, () -> SliceNamePattern.of(pattern)).getMessage();
        assertTrue(message.startsWith("bad pattern " + pattern + ": "), message);
        assertTrue(message.contains(cause), message);
    }
}
