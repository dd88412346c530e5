package org.gridstack.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.ignite.cluster.ClusterNode;
import org.apache.ignite.internal.IgniteNodeAttributes;
import org.gridstack.GridStack;
import org.gridstack.base.GridStackException;
import org.gridstack.sample.SyntheticStack;
import org.gridstack.grid.ConnectOptions;
import org.gridstack.GridConnection;
import org.gridstack.grid.GridCapacity;
import org.gridstack.grid.GridStatus;
import org.gridstack.grid.NodeReport;
import org.gridstack.base.Progress;
import org.gridstack.ops.project.Projection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Connect / Disconnect against two server JVMs: Grid Stack works unchanged, chunks spread, arrays outlive clients. */
class ClusterConnectTest {
    private static TestCluster cluster;
    private static SyntheticStack stack;
    private static String pattern;

    @TempDir
    static Path dir;

    @BeforeAll
    static void startCluster() throws Exception {
        stack = new SyntheticStack(20, 64, 48, 7);
        pattern = stack.writeTiffs(dir);
        long t0 = System.nanoTime();
        cluster = TestCluster.start(2, Map.of());
        System.out.printf("ClusterConnectTest: 2 server JVMs up in %.1f s%n", (System.nanoTime() - t0) / 1e9);
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) cluster.close();
    }

    private static double[] expectedMean() {
        double[] expected = new double[64 * 48];
        for (int t = 0; t < 20; t++) {
            byte[] f = stack.frame(t);
            for (int i = 0; i < f.length; i++) expected[i] += f[i] & 0xff;
        }
        for (int i = 0; i < expected.length; i++) expected[i] /= 20.0;
        return expected;
    }

    @Test
    void chunksSpreadOverServersAndComputeRunsThere() {
        try (GridConnection connection = GridConnection.connect(ConnectOptions.to(cluster.addresses()))) {
            GridStack grid = connection.grid();
            grid.open("spread", pattern, 0, -1, 2);
            assertEquals(20L * 64 * 48, grid.persist("spread", Progress.NONE));
            assertArrayEquals(expectedMean(), grid.project("spread", Projection.AVERAGE, Progress.NONE));

            List<NodeReport> servers = GridStatus.nodes(connection.ignite());
            assertEquals(2, servers.size());
            for (NodeReport server : servers) assertTrue(server.chunks > 0, "server " + server.addresses + " holds no chunks");
            assertEquals(10, grid.chunksInMemory("spread"));
            assertTrue(connection.status().startsWith("connected to 2 server node(s)"), connection.status());
            assertEquals(2 * 128L << 20, GridCapacity.chunkMemoryBytes(connection.ignite()), "two servers of region.mb=128; the client's own region not counted");
        }
    }

    @Test
    void peerClassLoadingIsOffOnEveryNode() {
        try (GridConnection connection = GridConnection.connect(ConnectOptions.to(cluster.addresses()))) {
            assertFalse(connection.ignite().configuration().isPeerClassLoadingEnabled());
            for (ClusterNode node : connection.ignite().cluster().nodes()) {
                assertEquals(Boolean.FALSE, node.attribute(IgniteNodeAttributes.ATTR_PEER_CLASSLOADING), node.toString());
            }
        }
    }

    @Test
    void arraysOutliveDisconnect() {
        try (GridConnection first = GridConnection.connect(ConnectOptions.to(cluster.addresses()))) {
            assertFalse(first.grid().open("kept", pattern, 0, -1, 4).spills(), "a small stack fits the servers' memory");
            first.grid().persist("kept", Progress.NONE);
        }
        try (GridConnection second = GridConnection.connect(ConnectOptions.to(cluster.addresses()))) {
            assertNotNull(second.grid().array("kept"));
            assertEquals(5, second.grid().chunksInMemory("kept"));
            assertArrayEquals(stack.frame(13), (byte[]) second.grid().frame("kept", 13));
        }
    }

    @Test
    void unreachableAddressesFailWithinTheJoinTimeout() {
        String nowhere = "127.0.0.1:" + TestCluster.freePort();
        long t0 = System.nanoTime();
        GridStackException e = assertThrows(GridStackException.class,
                () -> GridConnection.connect(ConnectOptions.to(nowhere).joinTimeoutMillis(3000)));
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("ClusterConnectTest: unreachable address refused after %.1f s%n", seconds);
        assertTrue(seconds < 15, "took " + seconds + " s");
        assertTrue(e.getMessage().contains(nowhere), e.getMessage());
        assertTrue(e.getMessage().contains("no server accepted this client within 3.0 s"), e.getMessage());
    }

    @Test
    void lostConnectionIsExplainedAndRecovered() throws Exception {
        // The client knows only server 0, so killing it cuts the client off while server 1 keeps the arrays.
        String onlyFirst = cluster.options(0).get("discovery.addresses").split(",")[0];
        GridConnection connection = GridConnection.connect(ConnectOptions.to(onlyFirst).joinTimeoutMillis(5000));
        try {
            connection.grid().open("survivor", pattern, 0, -1, 4);
            connection.grid().persist("survivor", Progress.NONE);
            long t0 = System.nanoTime();
            cluster.kill(0);
            Conditions.await(Duration.ofSeconds(60), () -> !connection.isConnected(), "the client notices the lost server");
            System.out.printf("ClusterConnectTest: lost connection noticed after %.1f s%n", (System.nanoTime() - t0) / 1e9);
            assertTrue(connection.status().contains(onlyFirst), connection.status());
            RuntimeException failure = assertThrows(RuntimeException.class, () -> connection.grid().frame("survivor", 0));
            GridStackException explained = connection.explain(failure);
            assertNotNull(explained, failure.toString());
            assertTrue(explained.getMessage().contains(onlyFirst) && explained.getMessage().contains("Connect again"), explained.getMessage());
            cluster.restart(0);
            GridConnection again = connection.isConnected() ? connection : connection.reconnect();
            assertArrayEquals(stack.frame(19), (byte[]) again.grid().frame("survivor", 19));
            again.close();
        } finally {
            connection.close();
        }
    }
}
