package org.gridstack.plugin;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.nio.file.Path;
import org.gridstack.GridStack;
import org.gridstack.array.ArrayMeta;
import org.gridstack.sample.SyntheticStack;
import org.gridstack.plugin.ij1.GridVirtualStack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A live view shows only chunks already made (zeros elsewhere) and, after a refresh, the ones made since. */
class LiveStackTest {
    @TempDir
    Path dir;

    @Test
    void liveStackFillsInAsChunksAreMade() throws Exception {
        SyntheticStack stack = new SyntheticStack(9, 16, 24, 4);
        GridStack grid = GridStack.embedded();
        ArrayMeta meta = grid.open("live", stack.writeTiffs(dir), 0, -1, 3);
        GridVirtualStack live = new GridVirtualStack(grid, meta, true);

        grid.chunk("live", 1);
        byte[] zeros = new byte[16 * 24];
        assertArrayEquals(stack.frame(4), (byte[]) live.getProcessor(5).getPixels(), "frame 4: in chunk 1, made");
        assertArrayEquals(zeros, (byte[]) live.getProcessor(2).getPixels(), "frame 1: chunk 0 not made yet");

        grid.chunk("live", 0);
        assertArrayEquals(zeros, (byte[]) live.getProcessor(3).getPixels(), "frame 2: same batch, read before the refresh");
        live.refresh();
        assertArrayEquals(stack.frame(1), (byte[]) live.getProcessor(2).getPixels(), "after refresh");
    }
}
