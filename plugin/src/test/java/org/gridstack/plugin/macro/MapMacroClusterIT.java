package org.gridstack.plugin.macro;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.ignite.cluster.ClusterNode;
import org.apache.ignite.internal.IgniteNodeAttributes;
import org.gridstack.GridConnection;
import org.gridstack.GridStack;
import org.gridstack.array.ArrayMeta;
import org.gridstack.array.DataType;
import org.gridstack.base.Progress;
import org.gridstack.cluster.TestCluster;
import org.gridstack.grid.ConnectOptions;
import org.gridstack.grid.GridCaches;
import org.gridstack.ops.map.Frames;
import org.gridstack.store.ChunkStore;
import org.junit.jupiter.api.Test;

/**
 * A macro mapped over a stack on three server JVMs (the same code as scripts/gridstack-node, with this module's
 * classpath: ImageJ, the lanes), one of them killed with {@code kill -9} while the map runs: the result equals the
 * same macro run one slice at a time in one ImageJ here, and every chunk of it is stored before the node comes back.
 */
class MapMacroClusterIT {
    private static final int T = 96, H = 64, W = 80, PER_CHUNK = 2;
    // wait(): the map takes seconds, so the kill at its first finished chunk lands with most of it still to run
    private static final String MACRO = "wait(40);\nrun(\"Gaussian Blur...\", \"sigma=2\");\nrun(\"Find Edges\");";

    @Test
    void aNodeKilledMidMapChangesNothing() {
        SyntheticSource source = new SyntheticSource(T, H, W, 11);
        try (TestCluster cluster = TestCluster.start(3, Map.of());
             GridConnection connection = GridConnection.connect(ConnectOptions.to(cluster.options(0).get("discovery.addresses").split(",")[0]))) {
            GridStack grid = connection.grid();
            ArrayMeta input = grid.open("em", source, PER_CHUNK);
            grid.persist("em", Progress.NONE);
            int victim = busiestOfServers1And2(connection, input);
            AtomicBoolean killed = new AtomicBoolean();
            Progress killAtFirstChunk = (done, total, bytes) -> {
                if (done >= 1 && killed.compareAndSet(false, true)) cluster.kill(victim);
            };
            UserCode code = new UserCode(UserCode.Language.MACRO, MACRO, "blur-edges.ijm");
            long t0 = System.nanoTime();
            ArrayMeta mapped = grid.map("em", "mapped", new MacroMapper(code, false), killAtFirstChunk);
            System.out.printf("MapMacroClusterIT: map with server-%d killed mid-run: %.2f s%n", victim, (System.nanoTime() - t0) / 1e9);
            assertTrue(killed.get(), "the kill happened during the map");
            assertEquals(mapped.grid().chunkCount(), grid.chunksInMemory("mapped"), "every chunk stored by the map itself");
            byte[] all = (byte[]) grid.frames("mapped", 0, T);
            ImageJLanes oneThread = new ImageJLanes(1);
            for (int t = 0; t < T; t++) {
                Frames slice = new Frames(DataType.UINT8, t, 1, H, W, source.frame(t));
                Frames expected = LaneFrames.result(oneThread.run(LaneFrames.call(code, slice, false)), slice, code);
                assertArrayEquals((byte[]) expected.pixels(), Arrays.copyOfRange(all, t * H * W, (t + 1) * H * W), "slice " + (t + 1));
            }
        }
    }

    /** Of servers 1 and 2 (the client joined through server 0), the primary of more of the input's chunks. */
    private static int busiestOfServers1And2(GridConnection connection, ArrayMeta input) {
        int[] count = new int[3];
        for (long i = 0; i < input.grid().chunkCount(); i++) {
            ClusterNode node = connection.ignite().affinity(GridCaches.CHUNKS).mapKeyToNode(ChunkStore.key(input, i));
            String name = node.attribute(IgniteNodeAttributes.ATTR_IGNITE_INSTANCE_NAME);
            count[Integer.parseInt(name.substring("server-".length()))]++;
        }
        return count[1] >= count[2] ? 1 : 2;
    }
}
