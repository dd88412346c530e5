package org.gridstack.bench;

import org.gridstack.telemetry.ChunkReport;
import org.gridstack.telemetry.TaskClock;
import org.gridstack.telemetry.TaskEvent;
import org.gridstack.telemetry.TaskLog;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.ignite.Ignite;
import org.apache.ignite.lang.IgniteBiPredicate;

/**
 * Measures what recording a chunk's task events costs: the same events and report message a chunk job sends,
 * delivered to a listener as the caller's, timed over many chunks. The bench divides it by the time per chunk.
 */
public final class TaskRecordingCost {
    private TaskRecordingCost() {}

    /** Microseconds of recording per chunk, from {@code chunks} reports sent to this node and received. */
    public static double microsPerChunk(Ignite ignite, int chunks) throws InterruptedException {
        String topic = "gridstack-recording-cost-" + UUID.randomUUID();
        CountDownLatch received = new CountDownLatch(chunks);
        TaskLog log = new TaskLog("recording cost");
        IgniteBiPredicate<UUID, ChunkReport> listener = (node, report) -> {
            log.add(report.events);
            received.countDown();
            return true;
        };
        ignite.message().localListen(topic, listener);
        try {
            String node = ignite.name();
            String thread = Thread.currentThread().getName();
            long t0 = System.nanoTime();
            for (int i = 0; i < chunks; i++) {
                long a = TaskClock.micros(), b = TaskClock.micros(), c = TaskClock.micros();
                List<TaskEvent> events = List.of(
                        new TaskEvent(TaskEvent.Kind.READ, "cost", i, node, thread, a, b, 1 << 24),
                        new TaskEvent(TaskEvent.Kind.COMPUTE, "cost", i, node, thread, b, c, 1 << 24));
                ignite.message(ignite.cluster().forLocal()).send(topic, new ChunkReport(i, 1 << 24, events));
            }
            if (!received.await(60, TimeUnit.SECONDS)) throw new IllegalStateException("reports did not arrive");
            return (System.nanoTime() - t0) / 1e3 / chunks;
        } finally {
            ignite.message().stopLocalListen(topic, listener);
        }
    }
}
