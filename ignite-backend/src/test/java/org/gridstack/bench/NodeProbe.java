package org.gridstack.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Paths;
import org.apache.ignite.Ignite;
import org.apache.ignite.lang.IgniteCallable;
import org.apache.ignite.resources.IgniteInstanceResource;
import org.apache.ignite.spi.communication.CommunicationSpi;

/**
 * Runs on a node and returns what a benchmark wants to know about it: bytes its communication SPI has sent and
 * received (everything that crossed the network between nodes: chunks, pieces, backups, job messages), the peak
 * heap in use since the last reset, and the JVM's peak RSS. {@code reset} restarts the heap peak.
 */
public final class NodeProbe implements IgniteCallable<long[]> {
    private static final long serialVersionUID = 1L;

    private final boolean reset;

    @IgniteInstanceResource
    private transient Ignite ignite;

    public NodeProbe(boolean reset) {
        this.reset = reset;
    }

    /** {sent bytes, received bytes, peak heap bytes, peak RSS bytes}. */
    @Override
    public long[] call() {
        CommunicationSpi<?> spi = ignite.configuration().getCommunicationSpi();
        long peakHeap = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() != MemoryType.HEAP) continue;
            if (pool.getPeakUsage() != null) peakHeap += pool.getPeakUsage().getUsed();
            if (reset) pool.resetPeakUsage();
        }
        return new long[] {spi.getSentBytesCount(), spi.getReceivedBytesCount(), peakHeap, peakRss()};
    }

    static long peakRss() {
        try {
            for (String line : Files.readAllLines(Paths.get("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) return Long.parseLong(line.substring(6).trim().split("\\s+")[0]) * 1024;
            }
        } catch (Exception ignored) {
            // not Linux
        }
        return -1;
    }
}
