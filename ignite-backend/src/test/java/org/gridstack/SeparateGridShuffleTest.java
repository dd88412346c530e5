package org.gridstack;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.ignite.cluster.ClusterNode;
import org.gridstack.array.ArrayMeta;
import org.gridstack.array.DataType;
import org.gridstack.store.ChunkStore;
import org.gridstack.grid.GridCaches;
import org.gridstack.base.Progress;
import org.gridstack.telemetry.TaskEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shuffle on grids other than TestGrid's: a node whose chunk region is smaller than the array; two nodes. */
class SeparateGridShuffleTest {
    private static final long REGION = 64L << 20;

    @TempDir
    Path work;

    private static Object expectedBlock(PatternSource src, ArrayMeta meta, long index) {
        long[] o = meta.grid().origin(index);
        int[] e = meta.grid().extent(index);
        Object block = meta.type().allocate(e[0] * e[1] * e[2]);
        int i = 0;
        for (int t = 0; t < e[0]; t++) {
            for (int r = 0; r < e[1]; r++) {
                for (int c = 0; c < e[2]; c++, i++) {
                    int v = src.value((int) o[0] + t, (int) o[1] + r, (int) o[2] + c);
                    if (block instanceof byte[]) ((byte[]) block)[i] = (byte) v;
                    else ((short[]) block)[i] = (short) v;
                }
            }
        }
        return block;
    }

    @Test
    void rechunksAnArrayLargerThanTheNodesChunkRegion() {
        PatternSource src = new PatternSource(320, 512, 512, DataType.UINT8, 8, Set.of(0));
        try (SeparateGrid small = new SeparateGrid("small-region", 1, REGION, work)) {
            GridStack grid = small.grid;
            ArrayMeta in = grid.open("big", src, 8);
            assertTrue(in.bytes() > REGION, "the array must not fit the region");
            grid.shuffleBytes(16L << 20);
            ArrayMeta out = grid.rechunk("big", "big-blocks", 64, Progress.NONE);
            assertTrue(in.spills() && out.spills(), "neither fits the region: both live on disk");
            // read once per operation, whatever the memory: one fetch per input chunk; the blocks beyond the
            // 16 MB budget waited on disk
            Map<Long, Long> fetches = grid.lastTaskLog().events().stream().filter(e -> e.array.equals("big"))
                    .collect(Collectors.groupingBy(e -> e.chunk, Collectors.counting()));
            assertEquals(in.grid().chunkCount(), fetches.size(), "every input chunk was read");
            assertEquals(Set.of(1L), Set.copyOf(fetches.values()), "each input chunk was read once");
            assertTrue(grid.lastTaskLog().bytes(TaskEvent.Kind.SPILL) > out.bytes() / 2, "pieces beyond the budget spilled to disk");
            for (long i : new long[] {0, 9, 36, out.grid().chunkCount() - 1}) {
                assertArrayEquals((byte[]) expectedBlock(src, out, i), (byte[]) grid.chunk("big-blocks", i), "block " + i);
            }
        }
    }

    @Test
    void twoNodesShuffleBlocksToEachOther() {
        PatternSource src = new PatternSource(30, 64, 48, DataType.UINT16, 2, Set.of(5));
        try (SeparateGrid pair = new SeparateGrid("pair", 2, REGION, work)) {
            GridStack grid = pair.grid;
            assertEquals(2, pair.node(0).cluster().forServers().nodes().size());
            grid.open("pair-src", src, 4);
            ArrayMeta out = grid.rechunk("pair-src", "pair-blocks", 8, Progress.NONE);
            Set<ClusterNode> owners = new HashSet<>();
            for (long i = 0; i < out.grid().chunkCount(); i++) {
                owners.add(pair.node(0).affinity(GridCaches.CHUNKS).mapKeyToNode(ChunkStore.key(out, i)));
                assertArrayEquals((short[]) expectedBlock(src, out, i), (short[]) grid.chunk("pair-blocks", i), "block " + i);
            }
            assertEquals(2, owners.size(), "blocks live on both nodes, so pieces crossed between them");

            ArrayMeta fused = grid.fftPower("pair-src", "pair-fused", 8, Progress.NONE);
            grid.fftPower("pair-blocks", "pair-mapped", 8, Progress.NONE);
            for (long i = 0; i < fused.grid().chunkCount(); i++) {
                assertArrayEquals((float[]) grid.chunk("pair-mapped", i), (float[]) grid.chunk("pair-fused", i), "block " + i);
            }
        }
    }
}
