package org.gridstack.plugin.macro;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.plugin.filter.GaussianBlur;
import ij.process.ByteProcessor;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.gridstack.array.DataType;
import org.gridstack.base.GridStackException;
import org.gridstack.ops.map.Frames;
import org.junit.jupiter.api.Test;

/** Macros in isolated ImageJ lanes, one call at a time, against ImageJ's own code run directly. */
class ImageJLanesTest {
    private static final int W = 64, H = 48;

    static byte[] noise(long seed) {
        byte[] p = new byte[W * H];
        new Random(seed).nextBytes(p);
        return p;
    }

    private static UserCode macro(String text) {
        return new UserCode(UserCode.Language.MACRO, text, null);
    }

    @Test
    void gaussianBlurIsImageJsOwn() {
        byte[] slice = noise(1);
        Frames out = new MacroMapper(macro("run(\"Gaussian Blur...\", \"sigma=2\");"), false)
                .map(new Frames(DataType.UINT8, 6, 1, H, W, slice.clone()));
        ByteProcessor expected = new ByteProcessor(W, H, slice.clone());
        new GaussianBlur().blurGaussian(expected, 2, 2, 0.002); // what the command does to an 8-bit image
        assertEquals(DataType.UINT8, out.type());
        assertEquals(6, out.first());
        assertArrayEquals((byte[]) expected.getPixels(), (byte[]) out.pixels());
    }

    @Test
    void aMacroErrorNamesTheSliceAndTheLine() {
        GridStackException e = assertThrows(GridStackException.class, () -> new MacroMapper(macro("x = 1;\ny = undefinedThing + 1;\n"), false)
                .map(new Frames(DataType.UINT8, 16, 1, H, W, noise(2))));
        assertTrue(e.getMessage().startsWith("slice 17: macro failed: ") && e.getMessage().contains("line 2"), e.getMessage());
    }

    @Test
    void measuringGivesTheResultsTableRows() {
        byte[] slice = noise(3);
        double sum = 0;
        for (byte b : slice) sum += b & 0xff;
        List<Map<String, Object>> rows = new MacroMeasurer(macro("setResult(\"Mean\", nResults, getValue(\"Mean\"));"
                + "setResult(\"Name\", nResults - 1, getTitle());"))
                .measure(new Frames(DataType.UINT8, 0, 1, H, W, slice));
        assertEquals(1, rows.size());
        assertEquals(sum / (W * H), (Double) rows.get(0).get("Mean"), 1e-9);
        assertEquals("slice 1", rows.get(0).get("Name"));
    }
}
