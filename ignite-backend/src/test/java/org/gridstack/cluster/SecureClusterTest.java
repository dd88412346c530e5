package org.gridstack.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.ignite.Ignition;
import org.apache.ignite.client.ClientAuthenticationException;
import org.apache.ignite.client.ClientConnectionException;
import org.apache.ignite.client.IgniteClient;
import org.apache.ignite.client.SslMode;
import org.apache.ignite.configuration.ClientConfiguration;
import org.gridstack.GridStack;
import org.gridstack.base.GridStackException;
import org.gridstack.base.Progress;
import org.gridstack.ops.map.FrameMapper;
import org.gridstack.ops.map.Frames;
import org.gridstack.grid.ConnectOptions;
import org.gridstack.grid.GridCaches;
import org.gridstack.GridConnection;
import org.gridstack.grid.GridStatus;
import org.gridstack.grid.TlsSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cluster with TLS on discovery, communication and the thin-client port, and a password on the thin-client port
 * (which needs persistence). Nodes and thick clients are admitted by a certificate from the cluster's CA; thin
 * clients additionally by user name and password.
 */
class SecureClusterTest {
    private static final String PASSWORD = "s3cret-for-tests";
    private static TestCertificates clusterCa;
    private static TestCertificates rogueCa;
    private static TestCluster cluster;

    @TempDir
    static Path dir;

    @BeforeAll
    static void startCluster() {
        long t0 = System.nanoTime();
        clusterCa = new TestCertificates(dir, "cluster");
        rogueCa = new TestCertificates(dir, "rogue");
        Map<String, String> options = new LinkedHashMap<>();
        options.put("tls.keystore", clusterCa.keyStore("server"));
        options.put("tls.keystore.password", TestCertificates.PASSWORD);
        options.put("tls.truststore", clusterCa.trustStore());
        options.put("tls.truststore.password", TestCertificates.PASSWORD);
        options.put("persistence.dir", "per-node");
        options.put("thin.client.port", "per-node");
        options.put("auth.enabled", "true");
        options.put("auth.password", PASSWORD);
        double certs = (System.nanoTime() - t0) / 1e9;
        cluster = TestCluster.start(1, options);
        System.out.printf("SecureClusterTest: certificates %.1f s, TLS + persistence server up after %.1f s%n", certs, (System.nanoTime() - t0) / 1e9);
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) cluster.close();
    }

    private static ConnectOptions connect(TlsSettings tls) {
        return ConnectOptions.to(cluster.addresses()).joinTimeoutMillis(4000).tls(tls);
    }

    @Test
    void clientWithTheClustersCertificateJoins() {
        try (GridConnection connection = GridConnection.connect(connect(clusterCa.tls("fiji")))) {
            assertEquals(1, GridStatus.nodes(connection.ignite()).size());
            assertFalse(connection.ignite().configuration().isPeerClassLoadingEnabled());
        }
    }

    @Test
    void clientWithACertificateFromAnotherCaIsRefused() {
        GridStackException e = assertThrows(GridStackException.class, () -> GridConnection.connect(connect(rogueCa.tls("intruder"))));
        assertTrue(e.getMessage().contains(cluster.addresses()), e.getMessage());
    }

    /** Any user's function would do: this one never runs. */
    static final class Identity implements FrameMapper {
        @Override
        public Frames map(Frames in) {
            return in;
        }

        @Override
        public int framesPerCall() {
            return 1;
        }

        @Override
        public String describe() {
            return "identity";
        }

        @Override
        public String identity() {
            return "identity";
        }
    }

    @Test
    void aServerWithAThinClientPortRunsNoUsersCode() {
        try (GridConnection connection = GridConnection.connect(connect(clusterCa.tls("fiji")))) {
            GridStack grid = connection.grid();
            grid.overwriting().open("ramp", new RampSource(8, 16, 16), 4);
            GridStackException e = assertThrows(GridStackException.class, () -> grid.overwriting().map("ramp", "mapped", new Identity(), Progress.NONE));
            assertTrue(e.getMessage().contains("has a thin-client port open") && e.getMessage().contains("does not run identity"), e.getMessage());
            assertEquals(8, ((byte[]) grid.frames("ramp", 0, 8)).length / (16 * 16), "the input is still there");
        }
    }

    @Test
    void clientWithoutTlsIsRefused() {
        GridStackException e = assertThrows(GridStackException.class, () -> GridConnection.connect(connect(null)));
        assertTrue(e.getMessage().contains(cluster.addresses()) && e.getMessage().contains("TLS"), e.getMessage());
    }

    @Test
    void serverWithACertificateFromAnotherCaDoesNotJoin() {
        Map<String, String> options = new LinkedHashMap<>(cluster.options(0));
        options.put("name", "intruder");
        options.put("discovery.port", String.valueOf(TestCluster.freePort()));
        options.put("communication.port", String.valueOf(TestCluster.freePort()));
        options.put("thin.client.port", String.valueOf(TestCluster.freePort()));
        options.put("persistence.dir", dir.resolve("intruder/data").toString());
        options.put("work.dir", dir.resolve("intruder/work").toString());
        options.put("tls.keystore", rogueCa.keyStore("intruder-server"));
        options.put("tls.truststore", rogueCa.trustStore());
        try (ServerProcess intruder = ServerProcess.start(options)) {
            int exit = intruder.awaitExit(Duration.ofSeconds(60));
            assertTrue(exit != 0, "exit code " + exit);
            assertFalse(intruder.output().contains(org.gridstack.grid.GridServerNode.UP), intruder.output());
            assertTrue(intruder.output().contains("Unable to establish secure connection"), intruder.output());
            try (GridConnection connection = GridConnection.connect(connect(clusterCa.tls("fiji")))) {
                assertEquals(1, connection.ignite().cluster().forServers().nodes().size());
            }
        }
    }

    private static ClientConfiguration thinClient(TlsSettings tls, String user, String password) {
        ClientConfiguration cfg = new ClientConfiguration()
                .setAddresses("127.0.0.1:" + cluster.options(0).get("thin.client.port"))
                .setTimeout(5000);
        if (tls != null) cfg.setSslMode(SslMode.REQUIRED).setSslContextFactory(tls.contextFactory());
        if (user != null) cfg.setUserName(user).setUserPassword(password);
        return cfg;
    }

    @Test
    void thinClientWithCertificateAndPasswordIsServed() throws Exception {
        try (IgniteClient client = Ignition.startClient(thinClient(clusterCa.tls("fiji"), "ignite", PASSWORD))) {
            assertTrue(client.cacheNames().contains(GridCaches.CHUNKS), client.cacheNames().toString());
        }
    }

    @Test
    void thinClientWithWrongOrNoPasswordIsRefused() {
        TlsSettings tls = clusterCa.tls("fiji");
        assertThrows(ClientAuthenticationException.class, () -> Ignition.startClient(thinClient(tls, "ignite", "ignite")).close());
        assertThrows(ClientAuthenticationException.class, () -> Ignition.startClient(thinClient(tls, "ignite", "wrong")).close());
        assertThrows(ClientAuthenticationException.class, () -> Ignition.startClient(thinClient(tls, null, null)).close());
    }

    @Test
    void thinClientWithoutTheClustersCertificateIsRefused() {
        assertThrows(ClientConnectionException.class,
                () -> Ignition.startClient(thinClient(rogueCa.tls("intruder"), "ignite", PASSWORD)).close());
        assertThrows(ClientConnectionException.class, () -> Ignition.startClient(thinClient(null, "ignite", PASSWORD)).close());
    }
}
