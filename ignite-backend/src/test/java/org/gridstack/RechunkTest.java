package org.gridstack;

import org.gridstack.base.GridStackException;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.gridstack.array.ArrayMeta;
import org.gridstack.array.DataType;
import org.gridstack.base.Progress;
import org.gridstack.ops.project.Projection;
import org.junit.jupiter.api.Test;

class RechunkTest {
    private static final int T = 23, H = 40, W = 29;

    private final GridStack grid = TestGrid.grid();
    private final PatternSource src = new PatternSource(T, H, W, DataType.UINT16, 3, Set.of(4));

    /** Chunk {@code index} of a (T, b, b) blocking straight from the pattern. */
    private short[] expectedBlock(ArrayMeta meta, long index) {
        long[] o = meta.grid().origin(index);
        int[] e = meta.grid().extent(index);
        short[] block = new short[e[0] * e[1] * e[2]];
        int i = 0;
        for (int t = 0; t < e[0]; t++) {
            for (int r = 0; r < e[1]; r++) {
                for (int c = 0; c < e[2]; c++) block[i++] = (short) src.value((int) o[0] + t, (int) o[1] + r, (int) o[2] + c);
            }
        }
        return block;
    }

    private void assertBlocksAreThePattern(String name) {
        ArrayMeta meta = grid.array(name);
        for (long i = 0; i < meta.grid().chunkCount(); i++) {
            assertTrue(grid.isInMemory(name, i), "block " + i + " was stored by the shuffle");
            assertArrayEquals(expectedBlock(meta, i), (short[]) grid.chunk(name, i), "block " + i);
            assertArrayEquals(expectedBlock(meta, i), (short[]) meta.recipe().makeChunk(meta, i, grid::chunk), "block " + i + " remade");
        }
    }

    @Test
    void rechunkMakesTimeSeriesBlocksWithTheSameValues() {
        grid.open("rk-src", src, 4);
        ArrayMeta out = grid.rechunk("rk-src", "rk-out", 8, Progress.NONE);
        assertArrayEquals(new int[] {T, 8, 8}, out.grid().chunkShape());
        assertEquals(5 * 4, out.grid().chunkCount());
        assertBlocksAreThePattern("rk-out");
        for (int t = 0; t < T; t++) assertArrayEquals((short[]) src.frame(t), (short[]) grid.frame("rk-out", t), "frame " + t);
        grid.drop("rk-out");
        grid.drop("rk-src");
    }

    @Test
    void manySmallWavesGiveTheSameBlocks() {
        grid.open("wv-src", src, 3);
        long budget = grid.shuffleBytes();
        try {
            grid.shuffleBytes(1);
            grid.rechunk("wv-src", "wv-out", 7, Progress.NONE);
        } finally {
            grid.shuffleBytes(budget);
        }
        assertBlocksAreThePattern("wv-out");
        grid.drop("wv-out");
        grid.drop("wv-src");
    }

    @Test
    void anyFramesPerChunkAndBlockSizeGiveTheSameValues() {
        for (int depth : new int[] {1, 5, T + 7}) {
            grid.open("any-src", src, depth);
            for (int block : new int[] {1, 6, 64}) {
                grid.rechunk("any-src", "any-out", block, Progress.NONE);
                assertBlocksAreThePattern("any-out");
            }
            grid.drop("any-src");
        }
        grid.drop("any-out");
    }

    @Test
    void rechunkingBlocksIntoOtherBlocksKeepsTheValues() {
        grid.open("bb-src", src, 4);
        grid.rechunk("bb-src", "bb-mid", 9, Progress.NONE);
        grid.rechunk("bb-mid", "bb-out", 5, Progress.NONE);
        assertBlocksAreThePattern("bb-out");
        grid.drop("bb-out");
        grid.drop("bb-mid");
        grid.drop("bb-src");
    }

    @Test
    void reductionsGiveTheSameResultsOnBlocks() {
        grid.open("red-src", src, 4);
        grid.rechunk("red-src", "red-out", 8, Progress.NONE);
        assertArrayEquals(grid.project("red-src", Projection.AVERAGE, Progress.NONE), grid.project("red-out", Projection.AVERAGE, Progress.NONE));
        assertArrayEquals(grid.project("red-src", Projection.MAX, Progress.NONE), grid.project("red-out", Projection.MAX, Progress.NONE));
        assertArrayEquals(grid.sliceMeans("red-src", Progress.NONE), grid.sliceMeans("red-out", Progress.NONE));
        double[][] a = grid.centroids("red-src", Progress.NONE), b = grid.centroids("red-out", Progress.NONE);
        assertArrayEquals(a[0], b[0]);
        assertArrayEquals(a[1], b[1]);
        grid.drop("red-out");
        grid.drop("red-src");
    }

    @Test
    void progressCountsEveryInputChunkAndBlock() {
        grid.open("pg-src", src, 4);
        long[] last = new long[2];
        grid.rechunk("pg-src", "pg-out", 10, (done, total, bytes) -> {
            last[0] = done;
            last[1] = total;
        });
        assertEquals(6 + 4 * 3, last[1]);
        assertEquals(last[1], last[0]);
        grid.drop("pg-out");
        grid.drop("pg-src");
    }

    @Test
    void blockZeroIsRefusedClearlyAndTheGridStillAnswers() {
        grid.open("b0-src", src, 4);
        GridStackException e = assertThrows(GridStackException.class, () -> grid.rechunk("b0-src", "b0-out", 0, Progress.NONE));
        assertEquals("block (0) must be 1 or more", e.getMessage());
        e = assertThrows(GridStackException.class, () -> grid.fftPower("b0-src", "b0-out", -3, Progress.NONE));
        assertEquals("block (-3) must be 1 or more", e.getMessage());
        assertTrue(grid.arrays().stream().noneMatch(a -> a.name().equals("b0-out")));
        assertEquals(T, grid.sliceMeans("b0-src", Progress.NONE).length);
        grid.rechunk("b0-src", "b0-out", 16, Progress.NONE);
        assertBlocksAreThePattern("b0-out");
        grid.drop("b0-out");
        grid.drop("b0-src");
    }

    @Test
    void defaultBlockAimsAtSixteenMegabytesAndSeveralBlocksPerCore() {
        assertEquals(128, org.gridstack.ops.rechunk.BlockSize.choose(1000, 1024, 1024, 1, 2));
        assertEquals(64, org.gridstack.ops.rechunk.BlockSize.choose(1000, 1024, 1024, 4, 2));
        assertEquals(29, org.gridstack.ops.rechunk.BlockSize.choose(T, H, W, 2, 2));
        grid.open("db-src", src, 4);
        assertEquals(29, grid.defaultBlock("db-src"));
        grid.rechunk("db-src", "db-out", 9, Progress.NONE);
        assertEquals(9, grid.defaultBlock("db-out"));
        grid.drop("db-out");
        grid.drop("db-src");
    }
}
