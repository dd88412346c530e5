package org.gridstack.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A server's chunk region is allocated and written while it starts (region.pretouch, default on), or grows as used. */
class RegionPreTouchTest {
    private static final long REGION_MB = 768;

    private static Map<String, String> options(String preTouch) {
        int discovery = TestCluster.freePort();
        Map<String, String> options = new HashMap<>();
        options.put("discovery.port", String.valueOf(discovery));
        options.put("communication.port", String.valueOf(TestCluster.freePort()));
        options.put("port.range", "0");
        options.put("discovery.addresses", "127.0.0.1:" + discovery);
        options.put("region.mb", String.valueOf(REGION_MB));
        if (preTouch != null) options.put("region.pretouch", preTouch);
        return options;
    }

    /** Resident memory of a process, from /proc (kB there). */
    private static long residentMb(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
        }
        throw new IllegalStateException("no VmRSS for " + pid);
    }

    @Test
    void aServerHoldsItsWholeRegionOnceUpAndOnlyWhatItUsesWithoutPreTouch() throws IOException {
        long touched, lazy;
        try (ServerProcess node = ServerProcess.start(options(null))) {
            String up = node.awaitUp(Duration.ofSeconds(120));
            assertTrue(up.contains("region " + REGION_MB + " MB (touched)"), up);
            touched = residentMb(node.pid());
        }
        try (ServerProcess node = ServerProcess.start(options("false"))) {
            String up = node.awaitUp(Duration.ofSeconds(120));
            assertTrue(up.contains("region " + REGION_MB + " MB "), up);
            lazy = residentMb(node.pid());
        }
        // the test JVM's servers have an untouched 512 MB heap: only the region can make up the difference
        assertTrue(touched >= REGION_MB, "pre-touched server resident " + touched + " MB, region " + REGION_MB + " MB");
        assertTrue(touched - lazy >= REGION_MB / 2, "pre-touched " + touched + " MB vs lazy " + lazy + " MB");
    }

    @Test
    void aPreTouchValueOtherThanTrueOrFalseIsRefusedByName() {
        try (ServerProcess node = ServerProcess.start(options("yes"))) {
            assertEquals(2, node.awaitExit(Duration.ofSeconds(60)), node.output());
            assertTrue(node.output().contains("option region.pretouch=yes must be true or false"), node.output());
        }
    }
}
