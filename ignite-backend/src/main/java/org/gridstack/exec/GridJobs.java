package org.gridstack.exec;

import org.gridstack.base.Progress;
import org.gridstack.telemetry.ChunkReport;
import org.gridstack.telemetry.TaskLog;
import java.io.Serializable;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteException;
import org.apache.ignite.compute.ComputeTaskFuture;
import org.apache.ignite.lang.IgniteBiPredicate;
import org.apache.ignite.lang.IgniteFutureTimeoutException;
import org.gridstack.base.GridStackException;
import org.gridstack.array.ArrayMeta;
import org.gridstack.exec.TopologyFailures;

/** Runs chunk reductions on the grid from the caller's side: progress, cancellation, clear errors. */
public final class GridJobs {
    private static final long POLL_MS = 100;

    private static final long LATE_REPORT_WAIT_MS = 2000;

    private GridJobs() {}

    /** Failed-over chunk jobs, then whole tasks: how often a task is started again after a node left under it. */
    private static final int MAX_ATTEMPTS = 4;

    /** Chunk reports are messages and may trail the task's result; give them a moment so the task log is whole. */
    private static void awaitReports(Object lock, java.util.Set<Long> done, long total) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(LATE_REPORT_WAIT_MS);
        synchronized (lock) {
            while (done.size() < total && System.nanoTime() < deadline) {
                try {
                    lock.wait(10);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    public static <P extends Serializable> P reduce(Ignite ignite, ArrayMeta array, ChunkReducer<P> reducer, Progress progress) {
        return reduce(ignite, array, reducer, progress, new TaskLog(array.name()));
    }

    /**
     * As above, recording every chunk's task events into {@code log}. Fault tolerance: a job whose node dies is
     * re-run on another node (see ChunkTask#result); if the whole task still fails because a node left (say, all
     * failover attempts hit nodes on their way out), it is started again once discovery has noticed, up to
     * {@value #MAX_ATTEMPTS} times. Progress counts distinct chunks, so re-run chunks are not counted twice (the
     * task log keeps every event, including the work of jobs that died).
     */
    public static <P extends Serializable> P reduce(Ignite ignite, ArrayMeta array, ChunkReducer<P> reducer, Progress progress, TaskLog log) {
        String topic = "gridstack-progress-" + UUID.randomUUID();
        long total = array.grid().chunkCount();
        Object lock = new Object();
        java.util.Set<Long> done = new java.util.HashSet<>();
        AtomicLong bytes = new AtomicLong();
        IgniteBiPredicate<UUID, ChunkReport> listener = (node, report) -> {
            log.add(report.events);
            synchronized (lock) {
                if (done.add(report.events.isEmpty() ? -1 - done.size() : report.events.get(0).chunk)) {
                    progress.update(done.size(), total, bytes.addAndGet(report.bytes));
                }
                lock.notifyAll();
            }
            return true;
        };
        ignite.message().localListen(topic, listener);
        try {
            for (int attempt = 1; ; attempt++) {
                long topology = ignite.cluster().topologyVersion();
                try {
                    return run(ignite, array, reducer, progress, topic, lock, done, total);
                } catch (IgniteException e) {
                    if (attempt < MAX_ATTEMPTS && TopologyFailures.isNodeLoss(e)
                            && TopologyFailures.awaitTopologyChange(ignite, topology, TopologyFailures.NOTICE_TIMEOUT_MILLIS)) {
                        continue;
                    }
                    GridStackException cause = GridStackException.find(e);
                    if (cause != null) throw new GridStackException(cause.getMessage(), e);
                    throw new GridStackException("grid job on '" + array.name() + "' failed: " + e.getMessage(), e);
                }
            }
        } finally {
            log.finish();
            ignite.message().stopLocalListen(topic, listener);
        }
    }

    private static <P extends Serializable> P run(Ignite ignite, ArrayMeta array, ChunkReducer<P> reducer, Progress progress,
            String topic, Object lock, java.util.Set<Long> done, long total) {
        ComputeTaskFuture<P> future = ignite.compute(ignite.cluster().forServers())
                .executeAsync(new ChunkTask<>(array, reducer, ignite.cluster().localNode().id(), topic), null);
        while (true) {
            try {
                P result = future.get(POLL_MS, TimeUnit.MILLISECONDS);
                awaitReports(lock, done, total);
                return result;
            } catch (IgniteFutureTimeoutException notYet) {
                if (progress.isCancelled()) {
                    future.cancel();
                    int count;
                    synchronized (lock) {
                        count = done.size();
                    }
                    throw new GridStackException("cancelled: " + array.name() + " (" + count + " of " + total + " chunks done)");
                }
            }
        }
    }
}
