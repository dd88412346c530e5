package org.gridstack.cluster;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.gridstack.grid.GridServerNode;
import org.gridstack.grid.IgniteJvmFlags;

/**
 * One Grid Stack server node in its own JVM (the same main class scripts/gridstack-node runs), with this test
 * JVM's classpath. Its output is kept for failure messages; {@link #kill()} is a real {@code kill -9}.
 */
public final class ServerProcess implements AutoCloseable {
    private final Map<String, String> options;
    private final Process process;
    private final List<String> output = new ArrayList<>();
    private final CompletableFuture<String> upLine = new CompletableFuture<>();

    private ServerProcess(Map<String, String> options, Process process) {
        this.options = Map.copyOf(options);
        this.process = process;
        Thread reader = new Thread(this::readOutput, "server-output-" + process.pid());
        reader.setDaemon(true);
        reader.start();
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
    }

    /** Starts a node with these {@code --key=value} options; returns at once (see {@link #awaitUp}). */
    public static ServerProcess start(Map<String, String> options) {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(IgniteJvmFlags.all());
        command.add("-Xmx512m");
        command.add("-DIGNITE_UPDATE_NOTIFIER=false");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(GridServerNode.class.getName());
        options.forEach((key, value) -> command.add("--" + key + "=" + value));
        try {
            return new ServerProcess(options, new ProcessBuilder(command).redirectErrorStream(true).start());
        } catch (IOException e) {
            throw new IllegalStateException("cannot start a server JVM: " + command, e);
        }
    }

    private void readOutput() {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                synchronized (output) {
                    output.add(line);
                }
                if (line.startsWith(GridServerNode.UP)) upLine.complete(line);
            }
        } catch (IOException ignored) {
            // the process is gone
        }
        upLine.completeExceptionally(new IllegalStateException("server exited with " + exitCode() + " before it was up:\n" + output()));
    }

    private String exitCode() {
        try {
            return process.waitFor(5, TimeUnit.SECONDS) ? String.valueOf(process.exitValue()) : "(still running)";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "(interrupted)";
        }
    }

    /** Waits for the node's "Grid Stack node up" line and returns it. */
    public String awaitUp(Duration timeout) {
        try {
            return upLine.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("server not up within " + timeout + ":\n" + output());
        } catch (Exception e) {
            throw new AssertionError(e.getCause() != null ? e.getCause().getMessage() : e.toString());
        }
    }

    public Map<String, String> options() {
        return options;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public String output() {
        synchronized (output) {
            return String.join("\n", output);
        }
    }

    /** {@code kill -9}: no shutdown hook, no goodbye to the cluster. */
    public void kill() {
        process.destroyForcibly();
        waitForExit(Duration.ofSeconds(30));
    }

    /** Waits for the process to end by itself; returns its exit code. */
    public int awaitExit(Duration timeout) {
        return waitForExit(timeout);
    }

    /** SIGTERM: the node's shutdown hook stops it cleanly. Returns its exit code. */
    public int stop(Duration timeout) {
        process.destroy();
        return waitForExit(timeout);
    }

    private int waitForExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("server " + pid() + " did not exit within " + timeout);
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
            waitForExit(Duration.ofSeconds(30));
        }
    }

    static Path tempDir(String prefix) {
        try {
            return java.nio.file.Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
