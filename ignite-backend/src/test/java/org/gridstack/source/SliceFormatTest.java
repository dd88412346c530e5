package org.gridstack.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.gridstack.array.DataType;
import org.gridstack.base.GridStackException;
import org.junit.jupiter.api.Test;

/** Sizes are checked before anything is allocated, with one line naming the file or parameter and the limit. */
class SliceFormatTest {
    @Test
    void aSliceHoldsAtMost2To31Minus1Pixels() {
        assertEquals(new SliceFormat(46340, 46340, DataType.UINT8), SliceFormat.of(46340, 46340, DataType.UINT8, "f.tif"));
        String m = assertThrows(GridStackException.class, () -> SliceFormat.of(60000, 60000, DataType.UINT16, "/data/f.tif")).getMessage();
        assertEquals("/data/f.tif is 60000 x 60000 pixels (3,600,000,000): more than one slice can hold (2^31 - 1 pixels, "
                + "the largest Java array; a slice is read whole)", m);
        assertTrue(assertThrows(GridStackException.class, () -> SliceFormat.of(0, 5, DataType.UINT8, "g.tif")).getMessage()
                .startsWith("corrupt image: g.tif"));
    }

    @Test
    void framesPerChunkMustFitInOneChunk() {
        SliceFormat f = new SliceFormat(512, 512, DataType.UINT8);
        assertEquals(8191, f.maxFramesPerChunk());
        f.checkFramesPerChunk(8191, 100000);
        f.checkFramesPerChunk(0, 100000);
        f.checkFramesPerChunk(1_000_000_000, 10); // only 10 slices: one chunk of 10 frames
        String m = assertThrows(GridStackException.class, () -> f.checkFramesPerChunk(1_000_000_000, 20000)).getMessage();
        assertEquals("frames per chunk (1000000000) is too large for slices of 512 x 512 8-bit: a chunk of 20000 frames would "
                + "hold 5,242,880,000 pixels, and a chunk holds at most 2^31 - 1; use at most 8191 frames, or 0 (automatic)", m);
    }
}
