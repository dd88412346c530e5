package org.gridstack.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gridstack.sample.SyntheticStack;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C and SIGTERM stop the headless launcher (scripts/gridstack) and the server node (scripts/gridstack-node)
 * within seconds, whatever runs: jobs of a persist or an FFT whose source fetch hangs, or a fetch on the caller's
 * own thread. The launcher ends with one line naming what was stopped and the shell's status for the signal; on a
 * cluster, the array being made stays cataloged half-made and every other array keeps its values.
 * Each signal is sent once the hang is known to be under way (the test's HTTP server holds a request).
 */
class StopOnSignalIT {
    private static final File ROOT = new File("..").getAbsoluteFile();
    private static final int T = 24, H = 64, W = 64;
    /** The launcher's grace for a cancel and for an interrupt (4 s), with room for a busy machine; below StopSignals' 10 s halt. */
    private static final double STOP_SECONDS = 8;

    @TempDir
    Path dir;
    private Path data;

    @BeforeEach
    void stack() throws IOException {
        data = dir.resolve("data");
        new SyntheticStack(T, H, W, 5).writeTiffs(data);
    }

    @Test
    void sigtermMidFftOnAClusterLeavesTheTargetHalfMadeAndTheRestIntact() throws Exception {
        int[] ports = freePorts(2);
        int discovery = ports[0], communication = ports[1];
        try (GatedSliceServer http = new GatedSliceServer(data, 1);
                WatchedProcess node = node(discovery, communication)) {
            node.awaitLine("^Grid Stack node up:", 120);
            String connect = "run(\"Connect to Grid...\", \"addresses=127.0.0.1:" + discovery + " timeout=30\");\n";
            Path before = dir.resolve("before.csv"), after = dir.resolve("after.csv");
            try (WatchedProcess run = launcher(connect
                    + "run(\"Open Grid Stack...\", \"source=[" + data + "] name=ref frames=4\");\n"
                    + "run(\"Persist Grid Stack\", \"name=ref\");\n"
                    + "run(\"Grid Slice Means...\", \"name=ref csv=[" + before + "]\");\n"
                    + "run(\"Open Grid Stack...\", \"source=[" + http.pattern() + "] name=u first=0 last=" + (T - 1) + " frames=4\");\n"
                    + "run(\"Grid FFT Power...\", \"name=u target=pw\");\n"
                    + "print(\"@@after the FFT\");\n")) {
                run.awaitLine("^FFT power of u: started", 180);
                assertTrue(http.awaitHeld(60), "the FFT's jobs fetch the held slices:\n" + run.output());
                Stopped stopped = stop(run, "TERM");
                assertEquals(143, stopped.status, stopped.output);
                assertStopLine(stopped, "SIGTERM", "gridstack: stopped by SIGTERM: Grid FFT Power...: cancelled");
            }

            Path status = dir.resolve("status.txt");
            try (WatchedProcess check = launcher(connect
                    + "run(\"Grid Status\");\n"
                    + "s = \"\"; for (i = 0; i < nResults; i++) s = s + Table.getString(\"array\", i) + \" | \" + Table.getString(\"made by\", i) + \"\\n\";\n"
                    + "File.saveString(s, \"" + status + "\");\n"
                    + "run(\"Grid Slice Means...\", \"name=ref csv=[" + after + "]\");\n")) {
                assertEquals(0, check.awaitExit(180), check.output());
            }
            String arrays = Files.readString(status);
            assertTrue(arrays.lines().anyMatch(l -> l.startsWith("pw | ") && l.contains("(incomplete: cancelled")), arrays);
            assertTrue(arrays.lines().anyMatch(l -> l.startsWith("ref | ") && !l.contains("incomplete")), arrays);
            assertEquals(Files.readString(before), Files.readString(after), "ref's slice means after the stop");
            assertEquals(expectedMeans(), Files.readString(before).strip(), "ref's slice means");

            long start = System.nanoTime();
            node.signal("TERM");
            int status143 = node.awaitExit(30);
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(java.util.Locale.ROOT, "SIGTERM: the server node ended in %.2f s with status %d%n", seconds, status143);
            assertEquals(143, status143, node.output());
            assertTrue(seconds < STOP_SECONDS, "the node stopped in " + seconds + " s:\n" + node.output());
            assertTrue(node.output().contains("Grid Stack node stopped:"), node.output());
        }
    }

    @Test
    void sigtermMidPersistWhoseFetchHangs() throws Exception {
        try (GatedSliceServer http = new GatedSliceServer(data, 1);
                WatchedProcess run = launcher("run(\"Open Grid Stack...\", \"source=[" + http.pattern() + "] name=u first=0 last=" + (T - 1) + " frames=4\");\n"
                        + "run(\"Persist Grid Stack\", \"name=u\");\n"
                        + "print(\"@@after the persist\");\n")) {
            run.awaitLine("^Persist u: started", 180);
            assertTrue(http.awaitHeld(60), "the persist's jobs fetch the held slices:\n" + run.output());
            Stopped stopped = stop(run, "TERM");
            assertEquals(143, stopped.status, stopped.output);
            assertStopLine(stopped, "SIGTERM", "gridstack: stopped by SIGTERM: Persist Grid Stack: cancelled");
        }
    }

    @Test
    void ctrlCWhileOpenWaitsOnAFetchOfItsOwn() throws Exception {
        try (GatedSliceServer http = new GatedSliceServer(data, 0);
                WatchedProcess run = launcher("print(\"@@opening\");\n"
                        + "run(\"Open Grid Stack...\", \"source=[" + http.pattern() + "] name=u first=0 last=" + (T - 1) + " frames=4\");\n"
                        + "print(\"@@after the open\");\n")) {
            run.awaitLine("^@@opening", 180);
            assertTrue(http.awaitHeld(60), "Open fetches slice 0:\n" + run.output());
            Stopped stopped = stop(run, "INT");
            assertEquals(130, stopped.status, stopped.output);
            assertStopLine(stopped, "SIGINT", "gridstack: stopped by SIGINT: Open Grid Stack...: interrupted while reading http://");
        }
    }

    /** What a stopped launcher printed after the signal, how it ended and how long that took. */
    private static final class Stopped {
        final int status;
        final double seconds;
        final List<String> after;
        final String output;

        Stopped(int status, double seconds, List<String> after, String output) {
            this.status = status;
            this.seconds = seconds;
            this.after = after;
            this.output = output;
        }
    }

    private static Stopped stop(WatchedProcess run, String signal) throws Exception {
        int printed = run.lines().size();
        long start = System.nanoTime();
        run.signal(signal);
        int status = run.awaitExit(60);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(java.util.Locale.ROOT, "SIG%s: the launcher ended in %.2f s with status %d%n", signal, seconds, status);
        List<String> lines = run.lines();
        return new Stopped(status, seconds, new ArrayList<>(lines.subList(Math.min(printed, lines.size()), lines.size())), run.output());
    }

    /** Within the time, one line after the signal (progress lines aside), and the macro went no further. */
    private static void assertStopLine(Stopped stopped, String signal, String start) {
        assertTrue(stopped.seconds < STOP_SECONDS, signal + " stopped the launcher in " + stopped.seconds + " s:\n" + stopped.output);
        List<String> said = new ArrayList<>();
        for (String line : stopped.after) if (!line.matches(".*: (started|\\d+/\\d+ chunks.*|no chunk done yet.*)$")) said.add(line);
        assertEquals(1, said.size(), "one line after the signal:\n" + stopped.output);
        assertTrue(said.get(0).startsWith(start), said.get(0));
        assertTrue(said.get(0).length() < 400, said.get(0));
        assertFalse(stopped.output.contains("@@after"), stopped.output);
    }

    private String expectedMeans() {
        SyntheticStack expected = new SyntheticStack(T, H, W, 5);
        StringBuilder csv = new StringBuilder("slice,mean");
        for (int k = 0; k < T; k++) {
            long sum = 0;
            for (byte b : expected.frame(k)) sum += b & 0xff;
            csv.append('\n').append(k).append(',').append((double) sum / (W * H));
        }
        return csv.toString();
    }

    private WatchedProcess launcher(String macro) throws IOException {
        Path file = Files.createTempFile(dir, "run", ".ijm");
        Files.writeString(file, macro);
        return new WatchedProcess(List.of(new File(ROOT, "scripts/gridstack").getPath(), "--headless", "-macro", file.toString()), dir,
                Map.of("JAVA_OPTS", "-Xmx768m -Dgridstack.region.mb=256"));
    }

    private WatchedProcess node(int discovery, int communication) throws IOException {
        return new WatchedProcess(List.of(new File(ROOT, "scripts/gridstack-node").getPath(), "--name=stop-it",
                "--discovery.port=" + discovery, "--communication.port=" + communication, "--port.range=0",
                "--discovery.addresses=127.0.0.1:" + discovery, "--region.mb=256", "--work.dir=" + dir.resolve("node")), dir,
                Map.of("JAVA_OPTS", "-Xmx512m"));
    }

    private static int[] freePorts(int n) throws IOException {
        ServerSocket[] sockets = new ServerSocket[n];
        int[] ports = new int[n];
        try {
            for (int i = 0; i < n; i++) ports[i] = (sockets[i] = new ServerSocket(0)).getLocalPort();
        } finally {
            for (ServerSocket s : sockets) if (s != null) s.close();
        }
        return ports;
    }
}
