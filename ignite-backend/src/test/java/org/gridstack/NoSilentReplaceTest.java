package org.gridstack;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import org.gridstack.array.ArrayMeta;
import org.gridstack.array.DataType;
import org.gridstack.base.GridStackException;
import org.gridstack.base.Progress;
import org.gridstack.sample.SyntheticStack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An existing array is never replaced behind the user's back: a result may replace only an earlier result of the
 * same command on the same input (running it again), anything else is refused before any chunk is touched, unless
 * the caller overwrites; the refused array keeps its values, and arrays derived from a replaced one keep theirs.
 */
class NoSilentReplaceTest {
    @TempDir
    Path dir;

    private static long checksum(GridStack grid, String name) {
        ArrayMeta meta = grid.array(name);
        Object all = grid.frames(name, 0, (int) meta.grid().frames());
        long sum = 0;
        for (int i = 0; i < DataType.length(all); i++) sum = sum * 31 + (long) meta.type().get(all, i);
        return sum;
    }

    private static void refused(Runnable r, String name) {
        GridStackException e = assertThrows(GridStackException.class, r::run);
        assertTrue(e.getMessage().startsWith("an array named '" + name + "' exists already ("), e.getMessage());
        assertTrue(e.getMessage().contains("overwrite"), e.getMessage());
    }

    @Test
    void aResultDoesNotReplaceAnUnrelatedArrayNorTheSourcesParent() {
        GridStack grid = TestGrid.grid();
        grid.open("nsr-a", new PatternSource(12, 40, 48, DataType.UINT8, 3, Set.of()), 4);
        grid.open("nsr-b", new PatternSource(12, 40, 48, DataType.UINT16, 5, Set.of()), 4);
        long a = checksum(grid, "nsr-a"), b = checksum(grid, "nsr-b");
        String bId = grid.array("nsr-b").id();

        refused(() -> grid.recenter("nsr-a", "nsr-b", 20, Progress.NONE), "nsr-b");
        refused(() -> grid.fftPower("nsr-a", "nsr-b", 8, Progress.NONE), "nsr-b");
        refused(() -> grid.rechunk("nsr-a", "nsr-b", 8, Progress.NONE), "nsr-b");
        assertEquals(bId, grid.array("nsr-b").id(), "the same array, not a remake");
        assertEquals(b, checksum(grid, "nsr-b"));

        grid.recenter("nsr-a", "nsr-a-rc", 20, Progress.NONE);
        refused(() -> grid.recenter("nsr-a-rc", "nsr-a", 10, Progress.NONE), "nsr-a");
        assertEquals(a, checksum(grid, "nsr-a"), "the source's parent is kept");
    }

    @Test
    void runningACommandAgainReplacesItsOwnResult() {
        GridStack grid = TestGrid.grid();
        grid.open("nsr-src", new PatternSource(10, 32, 32, DataType.UINT8, 7, Set.of()), 5);
        ArrayMeta first = grid.recenter("nsr-src", "nsr-rc", 16, Progress.NONE);
        ArrayMeta second = grid.recenter("nsr-src", "nsr-rc", 8, Progress.NONE);
        assertNotEquals(first.id(), second.id());
        assertEquals(8, grid.array("nsr-rc").grid().width());
    }

    @Test
    void aResultGivenNoNameTakesAFreshOneWhenTheDefaultBelongsToAnUnrelatedArray() {
        GridStack grid = TestGrid.grid();
        grid.open("nsr-fresh", new PatternSource(12, 16, 16, DataType.UINT8, 3, Set.of()), 4);
        assertEquals("nsr-fresh_power", grid.resultName("nsr-fresh_power", "nsr-fresh"), "a free default name");
        grid.open("nsr-fresh_power", new PatternSource(12, 16, 16, DataType.UINT8, 4, Set.of()), 4);
        grid.open("nsr-fresh_power-1", new PatternSource(12, 16, 16, DataType.UINT8, 5, Set.of()), 4);
        long unrelated = checksum(grid, "nsr-fresh_power"), unrelated1 = checksum(grid, "nsr-fresh_power-1");

        String name = grid.resultName("nsr-fresh_power", "nsr-fresh");
        assertEquals("nsr-fresh_power-2", name, "the first of name-1, name-2, ... that is free");
        grid.fftPower("nsr-fresh", name, 8, Progress.NONE);
        assertEquals(unrelated, checksum(grid, "nsr-fresh_power"));
        assertEquals(unrelated1, checksum(grid, "nsr-fresh_power-1"));
        assertEquals("nsr-fresh_power-2", grid.resultName("nsr-fresh_power", "nsr-fresh"),
                "running it again finds its own earlier result, which it may replace");
        assertEquals("nsr-fresh_power-3", grid.resultName("nsr-fresh_power", "nsr-fresh_power-1"),
                "the results of another array are unrelated to this one's");
    }

    @Test
    void reopeningASourceChecksEverySlicesHeaderBeforeReplacing() throws Exception {
        GridStack grid = TestGrid.grid();
        Path folder = dir.resolve("changing");
        new SyntheticStack(8, 16, 20, 3).writeTiffs(folder);
        grid.open("nsr-changing", folder.toString(), 0, -1, 2);
        grid.persist("nsr-changing", Progress.NONE);
        String id = grid.array("nsr-changing").id();
        long before = checksum(grid, "nsr-changing");

        // since it was opened, slice 5 became a slice of another size: slice 0's header alone would not tell
        new SyntheticStack(1, 24, 20, 9).writeTiffs(dir.resolve("taller"));
        java.nio.file.Files.copy(dir.resolve("taller/slice_00000.tif"), folder.resolve("slice_00005.tif"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        GridStackException e = assertThrows(GridStackException.class, () -> grid.open("nsr-changing", folder.toString(), 0, -1, 2));
        assertTrue(e.getMessage().startsWith("slice size or type differs: " + folder.resolve("slice_00005.tif") + " (slice 5) is 20 x 24"),
                e.getMessage());
        assertEquals(id, grid.array("nsr-changing").id(), "the array opened before is kept");
        assertEquals(before, checksum(grid, "nsr-changing"));
    }

    @Test
    void anotherStackUnderATakenNameIsRefusedUnlessOverwriting() throws Exception {
        GridStack grid = TestGrid.grid();
        String first = new SyntheticStack(6, 16, 20, 1).writeTiffs(dir.resolve("one"));
        String other = new SyntheticStack(6, 16, 20, 2).writeTiffs(dir.resolve("two"));
        grid.open("nsr-stack", first, 0, -1, 2);
        long before = checksum(grid, "nsr-stack");
        grid.open("nsr-stack", first, 0, -1, 3); // the same stack again: a new layout of it
        assertEquals(before, checksum(grid, "nsr-stack"));

        refused(() -> grid.open("nsr-stack", other, 0, -1, 2), "nsr-stack");
        assertEquals(before, checksum(grid, "nsr-stack"), "still the first stack");

        grid.open("nsr-derived-src", first, 0, -1, 2);
        ArrayMeta derived = grid.recenter("nsr-derived-src", "nsr-derived", 8, Progress.NONE);
        byte[] derivedFrame = (byte[]) grid.frame("nsr-derived", 4);
        grid.overwriting().open("nsr-derived-src", other, 0, -1, 2);
        // remade from its recipe now, the recentered frame still comes from the stack it was cut from
        byte[] remade = (byte[]) derived.recipe().makeChunk(derived, 2, grid::chunk);
        assertArrayEquals(derivedFrame, Arrays.copyOfRange(remade, 0, 8 * 8), "a derived array keeps its parent");
    }
}
