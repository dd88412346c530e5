package org.gridstack.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.gridstack.GridStack;
import org.gridstack.array.ArrayMeta;
import org.gridstack.grid.ConnectOptions;
import org.gridstack.GridConnection;
import org.gridstack.base.Progress;
import org.gridstack.ops.project.Projection;
import org.gridstack.telemetry.TaskEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three server JVMs with backups=0: a dead node's chunks are gone for good, and the grid remakes them from their
 * recipes — source chunks from the files, derived ones (FFT power) from their parents — bit-identical, with no
 * partition ever stuck "lost" (the in-memory chunk cache's loss policy is IGNORE, see GridCaches).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LostChunksTest {
    static final int T = 48, H = 96, W = 96, PER_CHUNK = 2, GATED_FROM = 12, BLOCK = 16;

    @TempDir
    static Path dir;

    private static TestCluster cluster;
    private static GridConnection connection;
    private static GridStack grid;
    private static MidStage mid;
    private static GatedSource source;
    private static double[] max;
    private static byte[] frames;
    private static float[] power;

    @BeforeAll
    static void start() {
        cluster = TestCluster.start(3, Map.of("backups", "0"));
        String first = cluster.options(0).get("discovery.addresses").split(",")[0];
        connection = GridConnection.connect(ConnectOptions.to(first));
        grid = connection.grid();
        grid.shuffleBytes(5L * T * BLOCK * BLOCK);
        mid = new MidStage(connection.ignite(), dir.resolve("gate"));
        mid.openGate();
        source = new GatedSource(T, H, W, 11, GATED_FROM, dir.resolve("gate"));
        grid.open("s", source, PER_CHUNK);
        grid.persist("s", Progress.NONE);
        max = grid.project("s", Projection.MAX, Progress.NONE);
        frames = (byte[]) grid.frames("s", 0, T);
        grid.fftPower("s", "fft", BLOCK, Progress.NONE);
        power = (float[]) grid.frames("fft", 0, T);
    }

    @AfterAll
    static void stop() {
        if (connection != null) connection.close();
        if (cluster != null) cluster.close();
    }

    private static int owned(String array, String server) {
        ArrayMeta meta = grid.array(array);
        List<Long> all = MidStage.gatedChunks(meta, 0);
        return mid.primaries(meta, all).getOrDefault(server, 0);
    }

    @Test
    @Order(1)
    void chunksLostWithANodeAreRemadeFromRecipes() {
        int lostSource = owned("s", "server-1"), lostPower = owned("fft", "server-1");
        assertTrue(lostSource > 0 && lostPower > 0, "server-1 holds chunks of both arrays");
        cluster.kill(1);
        Conditions.await(Duration.ofSeconds(30), () -> connection.ignite().cluster().forServers().nodes().size() == 2, "the client sees 2 servers");
        try {
            assertEquals(T / PER_CHUNK - lostSource, grid.chunksInMemory("s"), "server-1's chunks are gone (no backups)");
            assertArrayEquals(max, grid.project("s", Projection.MAX, Progress.NONE)); // a pass (Average is kept from persist)
            long made = grid.lastTaskLog().events().stream().filter(e -> e.kind == TaskEvent.Kind.MAKE).count();
            assertEquals(lostSource, made, "exactly the lost chunks were remade from the source");
            assertArrayEquals(frames, (byte[]) grid.frames("s", 0, T));
            // power blocks remade from their parent (FftPowerRecipe): same bits as the shuffle made them
            assertTrue(Arrays.equals(power, (float[]) grid.frames("fft", 0, T)), "remade power differs");
        } finally {
            cluster.restart(1);
        }
    }

    @Test
    @Order(2)
    void killDuringPersistWithoutBackups() throws Exception {
        ArrayMeta fresh = grid.open("p", source, PER_CHUNK);
        int victim = mid.victim(fresh, GATED_FROM);
        try {
            MidStage.Outcome<Long> out = mid.run(fresh, GATED_FROM, p -> grid.persist("p", p), () -> cluster.kill(victim));
            System.out.printf("LostChunksTest: persist with server-%d killed at %d of %d: %.2f s%n", victim, out.doneAtAction, out.total, out.seconds);
            assertEquals((long) T * H * W, out.result);
            assertArrayEquals(frames, (byte[]) grid.frames("p", 0, T));
        } finally {
            cluster.restart(victim);
        }
        grid.drop("p");
    }

    @Test
    @Order(3)
    void killDuringFftWithoutBackups() throws Exception {
        int victim = mid.victim(grid.array("s"), GATED_FROM);
        try {
            MidStage.Outcome<ArrayMeta> out = mid.run(grid.array("s"), GATED_FROM, p -> grid.fftPower("s", "fft2", BLOCK, p), () -> cluster.kill(victim));
            System.out.printf("LostChunksTest: fft power with server-%d killed at %d of %d: %.2f s%n", victim, out.doneAtAction, out.total, out.seconds);
            assertTrue(Arrays.equals(power, (float[]) grid.frames("fft2", 0, T)), "power differs from the fault-free run");
            assertArrayEquals(max, grid.project("s", Projection.MAX, Progress.NONE));
        } finally {
            cluster.restart(victim);
        }
        grid.drop("fft2");
    }
}
