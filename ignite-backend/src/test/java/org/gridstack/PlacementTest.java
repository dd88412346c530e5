package org.gridstack;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.apache.ignite.cluster.ClusterNode;
import org.gridstack.array.ArrayMeta;
import org.gridstack.array.DataType;
import org.gridstack.base.Progress;
import org.gridstack.store.ChunkStore;
import org.gridstack.telemetry.TaskEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** On two nodes, a recentered stack's chunk i lives where the stack's chunk i lives: recenter moves no chunk. */
class PlacementTest {
    @TempDir
    Path work;

    @Test
    void recenterOutputLivesWithItsInput() {
        PatternSource src = new PatternSource(96, 64, 80, DataType.UINT8, 2, Set.of(5));
        try (SeparateGrid pair = new SeparateGrid("placement", 2, 128L << 20, work)) {
            GridStack grid = pair.grid;
            ArrayMeta in = grid.open("in", src, 4);
            grid.persist("in", Progress.NONE);
            ArrayMeta out = grid.recenter("in", "in-rc", 32, Progress.NONE);
            ChunkStore store = new ChunkStore(pair.node(0));
            Set<ClusterNode> owners = new HashSet<>();
            for (long i = 0; i < in.grid().chunkCount(); i++) {
                ClusterNode owner = store.owner(in, i);
                owners.add(owner);
                assertEquals(owner, store.owner(out, i), "chunk " + i + " of the recentered stack lives with its input");
            }
            assertEquals(2, owners.size(), "chunks spread over both nodes");
            assertEquals(0, grid.lastTaskLog().bytes(TaskEvent.Kind.TRANSFER), "no chunk crossed between nodes");
            for (long i = 0; i < out.grid().chunkCount(); i++) {
                assertArrayEquals((byte[]) grid.chunk("in-rc", i), (byte[]) out.recipe().makeChunk(out, i, grid::chunk), "chunk " + i + " remade");
            }
        }
    }
}
