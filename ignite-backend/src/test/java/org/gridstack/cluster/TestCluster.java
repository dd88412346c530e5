package org.gridstack.cluster;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.gridstack.base.Folders;

/**
 * N Grid Stack server nodes in their own JVMs on loopback, for cluster, security and fault-injection tests. Each
 * node gets its own discovery and communication port (free ports picked now, no ranges, so no test cluster can
 * merge with another) and its own work directory; all share one discovery address list. Nodes can be killed
 * ({@code kill -9}) and started again on the same ports and directory.
 */
public final class TestCluster implements AutoCloseable {
    public static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final Map<String, String> common;
    private final List<Map<String, String>> nodeOptions = new ArrayList<>();
    private final List<ServerProcess> nodes = new ArrayList<>();
    private final Path root;

    private TestCluster(int size, Map<String, String> extra) {
        root = ServerProcess.tempDir("gridstack-cluster-");
        List<Integer> discoveryPorts = new ArrayList<>();
        for (int i = 0; i < size; i++) discoveryPorts.add(freePort());
        common = new LinkedHashMap<>();
        common.put("discovery.addresses", discoveryPorts.stream().map(p -> "127.0.0.1:" + p).collect(Collectors.joining(",")));
        common.put("port.range", "0");
        common.put("region.mb", "128");
        common.putAll(extra);
        for (int i = 0; i < size; i++) {
            Map<String, String> options = new LinkedHashMap<>(common);
            options.put("name", "server-" + i);
            options.put("discovery.port", String.valueOf(discoveryPorts.get(i)));
            options.put("communication.port", String.valueOf(freePort()));
            options.put("work.dir", root.resolve("node-" + i + "/work").toString());
            if (extra.containsKey("persistence.dir")) options.put("persistence.dir", root.resolve("node-" + i + "/data").toString());
            if (extra.containsKey("thin.client.port")) options.put("thin.client.port", String.valueOf(freePort()));
            nodeOptions.add(options);
        }
    }

    /**
     * Starts {@code size} nodes at once and waits until every one is up. {@code extra} options apply to all nodes;
     * if it names persistence.dir or thin.client.port (any value), each node gets its own directory or port.
     */
    public static TestCluster start(int size, Map<String, String> extra) {
        TestCluster cluster = new TestCluster(size, extra);
        try {
            for (int i = 0; i < size; i++) cluster.nodes.add(ServerProcess.start(cluster.nodeOptions.get(i)));
            for (ServerProcess node : cluster.nodes) node.awaitUp(START_TIMEOUT);
            return cluster;
        } catch (RuntimeException | Error e) {
            cluster.close();
            throw e;
        }
    }

    /**
     * Starts one more node (fresh ports, own work directory, the same discovery list and options) and returns at
     * once; {@link ServerProcess#awaitUp} tells when it has joined. It is closed with the cluster.
     */
    public ServerProcess add() {
        int i = nodes.size();
        Map<String, String> options = new LinkedHashMap<>(common);
        options.put("name", "server-" + i);
        options.put("discovery.port", String.valueOf(freePort()));
        options.put("communication.port", String.valueOf(freePort()));
        options.put("work.dir", root.resolve("node-" + i + "/work").toString());
        nodeOptions.add(options);
        ServerProcess node = ServerProcess.start(options);
        nodes.add(node);
        return node;
    }

    /** The discovery address list to Connect with. */
    public String addresses() {
        return common.get("discovery.addresses");
    }

    public int size() {
        return nodes.size();
    }

    public ServerProcess node(int i) {
        return nodes.get(i);
    }

    public Map<String, String> options(int i) {
        return nodeOptions.get(i);
    }

    /** {@code kill -9} of node i. */
    public void kill(int i) {
        nodes.get(i).kill();
    }

    /** Starts node i again (same ports, same directories) and waits until it is up; returns its "up" line. */
    public String restart(int i) {
        nodes.get(i).close();
        ServerProcess node = ServerProcess.start(nodeOptions.get(i));
        nodes.set(i, node);
        return node.awaitUp(START_TIMEOUT);
    }

    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port on loopback", e);
        }
    }

    @Override
    public void close() {
        for (ServerProcess node : nodes) node.close();
        Folders.deleteQuietly(root);
    }
}
