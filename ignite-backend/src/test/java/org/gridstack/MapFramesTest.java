package org.gridstack;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gridstack.array.ArrayMeta;
import org.gridstack.array.DataType;
import org.gridstack.base.GridStackException;
import org.gridstack.base.Progress;
import org.gridstack.grid.GridCaches;
import org.gridstack.store.ChunkStore;
import org.gridstack.ops.map.FrameMapper;
import org.gridstack.ops.map.FrameMeasurer;
import org.gridstack.ops.map.Frames;
import org.gridstack.ops.map.Measurements;
import org.junit.jupiter.api.Test;

/**
 * Map and measure with plain-Java functions, checked frame by frame against the same function applied by hand.
 * (The functions are classes, not records: Ignite's marshaller cannot write records.)
 */
class MapFramesTest {
    private static final int T = 23, H = 40, W = 29;

    private final GridStack grid = TestGrid.grid();

    /** 255 - v per pixel, 8-bit in, 8-bit out. */
    static final class Invert implements FrameMapper {
        private final int framesPerCall;

        Invert(int framesPerCall) {
            this.framesPerCall = framesPerCall;
        }

        public int framesPerCall() {
            return framesPerCall;
        }

        @Override
        public Frames map(Frames in) {
            byte[] p = (byte[]) in.pixels();
            byte[] out = new byte[p.length];
            for (int i = 0; i < p.length; i++) out[i] = (byte) (255 - (p[i] & 0xff));
            return new Frames(DataType.UINT8, in.first(), in.count(), in.height(), in.width(), out);
        }

        public String describe() {
            return "invert";
        }

        public String identity() {
            return "invert/" + framesPerCall;
        }
    }

    /** 2x2 binning to 32-bit float means: a new type and a new frame size. */
    static final class Bin2 implements FrameMapper {
        @Override
        public Frames map(Frames in) {
            int h = in.height() / 2, w = in.width() / 2;
            float[] out = new float[in.count() * h * w];
            for (int f = 0; f < in.count(); f++) {
                for (int r = 0; r < h; r++) {
                    for (int c = 0; c < w; c++) {
                        double s = 0;
                        for (int dr = 0; dr < 2; dr++) {
                            for (int dc = 0; dc < 2; dc++) s += in.type().get(in.pixels(), (f * in.height() + 2 * r + dr) * in.width() + 2 * c + dc);
                        }
                        out[(f * h + r) * w + c] = (float) (s / 4);
                    }
                }
            }
            return new Frames(DataType.FLOAT32, in.first(), in.count(), h, w, out);
        }

        public int framesPerCall() {
            return 1;
        }

        public String describe() {
            return "bin 2";
        }

        public String identity() {
            return "bin2";
        }
    }

    /** Fails on one slice (0-based frame {@code bad}), or changes its size there when {@code resize}. */
    static final class Faulty implements FrameMapper {
        private final long bad;
        private final boolean resize;

        Faulty(long bad, boolean resize) {
            this.bad = bad;
            this.resize = resize;
        }

        @Override
        public Frames map(Frames in) {
            if (in.first() == bad && !resize) throw new IllegalStateException("no good");
            if (in.first() == bad) return new Frames(in.type(), in.first(), 1, 1, 1, in.type().allocate(1));
            return in;
        }

        public int framesPerCall() {
            return 1;
        }

        public String describe() {
            return "faulty";
        }

        public String identity() {
            return "faulty " + bad + resize;
        }
    }

    /** Per slice: its sum, and one row more for every slice whose number is even. */
    static final class SumRows implements FrameMeasurer {
        @Override
        public List<Map<String, Object>> measure(Frames slice) {
            double sum = 0;
            for (int i = 0; i < slice.height() * slice.width(); i++) sum += slice.type().get(slice.pixels(), i);
            Map<String, Object> row = Map.of("Sum", sum);
            return (slice.first() + 1) % 2 == 0 ? List.of(row, Map.of("Extra", "even")) : List.of(row);
        }

        public String describe() {
            return "sum rows";
        }

        public String identity() {
            return "sum";
        }
    }

    private static PatternSource pattern() {
        return new PatternSource(T, H, W, DataType.UINT8, 3, Set.of(4));
    }

    @Test
    void mapsEverySliceOrChunkLikeTheFunctionByHand() {
        PatternSource src = pattern();
        grid.open("map-in", src, 4);
        for (int perCall : new int[] {1, 0}) {
            ArrayMeta out = grid.overwriting().map("map-in", "map-out", new Invert(perCall), Progress.NONE);
            assertEquals(DataType.UINT8, out.type());
            assertEquals(4, out.grid().chunkShape()[0], "one output chunk per input chunk");
            for (int t = 0; t < T; t++) {
                Frames in = new Frames(DataType.UINT8, t, 1, H, W, src.frame(t));
                assertArrayEquals((byte[]) new Invert(1).map(in).pixels(), (byte[]) grid.frame("map-out", t), "frame " + t);
            }
        }
    }

    @Test
    void resultTakesTheTypeAndSizeTheFunctionGives() {
        PatternSource src = pattern();
        grid.open("bin-in", src, 5);
        ArrayMeta out = grid.map("bin-in", "bin-out", new Bin2(), Progress.NONE);
        assertEquals(DataType.FLOAT32, out.type());
        assertEquals(H / 2, out.grid().height());
        assertEquals(W / 2, out.grid().width());
        for (int t : new int[] {0, 4, 11, T - 1}) {
            float[] expected = (float[]) new Bin2().map(new Frames(DataType.UINT8, t, 1, H, W, src.frame(t))).pixels();
            assertArrayEquals(expected, (float[]) grid.frame("bin-out", t), "frame " + t);
        }
    }

    @Test
    void mapsArraysStoredInBlocksByGatheringWholeFrames() {
        PatternSource src = pattern();
        grid.open("blocks-src", src, 4);
        grid.rechunk("blocks-src", "blocks", 16, Progress.NONE);
        grid.map("blocks", "blocks-inv", new Invert(1), Progress.NONE);
        for (int t : new int[] {0, 9, T - 1}) {
            assertArrayEquals((byte[]) new Invert(1).map(new Frames(DataType.UINT8, t, 1, H, W, src.frame(t))).pixels(),
                    (byte[]) grid.frame("blocks-inv", t));
        }
    }

    @Test
    void aLostChunkIsRemadeFromTheRecipe() {
        grid.open("remade-in", pattern(), 4);
        grid.map("remade-in", "remade", new Invert(1), Progress.NONE);
        byte[] before = (byte[]) grid.frames("remade", 0, T);
        grid.ignite().cache(GridCaches.CHUNKS).remove(ChunkStore.key(grid.array("remade"), 2));
        assertFalse(grid.isInMemory("remade", 2));
        assertArrayEquals(before, (byte[]) grid.frames("remade", 0, T));
    }

    @Test
    void aFailingSliceIsNamedAndNothingElseIsLost() {
        grid.open("fail-in", pattern(), 4);
        grid.map("fail-in", "kept", new Invert(1), Progress.NONE);
        byte[] kept = (byte[]) grid.frames("kept", 0, T);
        GridStackException e = assertThrows(GridStackException.class,
                () -> grid.map("fail-in", "failed", new Faulty(13, false), Progress.NONE));
        assertTrue(e.getMessage().contains("slice 14") && e.getMessage().contains("faulty failed")
                && e.getMessage().contains("no good"), e.getMessage());
        assertTrue(grid.array("failed").incompleteNote() != null, "the failed result is marked half-made");
        assertArrayEquals(kept, (byte[]) grid.frames("kept", 0, T));
        assertArrayEquals((byte[]) pattern().frame(13), (byte[]) grid.frame("fail-in", 13));
    }

    @Test
    void aSliceOfAnotherSizeIsRefusedNamingBoth() {
        grid.open("resize-in", pattern(), 4);
        GridStackException e = assertThrows(GridStackException.class,
                () -> grid.map("resize-in", "resized", new Faulty(9, true), Progress.NONE));
        assertTrue(e.getMessage().contains("slice 10: faulty left 8-bit 1x1, but slice 1 gave 8-bit 29x40"), e.getMessage());
    }

    @Test
    void measuresEverySliceInOrder() {
        PatternSource src = pattern();
        grid.open("measure-in", src, 4);
        Measurements m = grid.measure("measure-in", new SumRows(), Progress.NONE);
        assertEquals(List.of("Sum", "Extra"), m.columns());
        assertEquals(T + T / 2, m.rows().size());
        int row = 0;
        for (int t = 0; t < T; t++) {
            double sum = 0;
            for (int r = 0; r < H; r++) for (int c = 0; c < W; c++) sum += src.value(t, r, c);
            Measurements.Row first = m.rows().get(row++);
            assertEquals(t + 1, first.slice());
            assertEquals(sum, (Double) first.values().get("Sum"), 0.0, "slice " + (t + 1));
            if ((t + 1) % 2 == 0) assertEquals("even", m.rows().get(row++).values().get("Extra"));
        }
    }
}
