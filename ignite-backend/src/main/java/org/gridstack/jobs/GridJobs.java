package org.gridstack.jobs;

import java.io.Serializable;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteException;
import org.apache.ignite.compute.ComputeTaskFuture;
import org.apache.ignite.lang.IgniteBiPredicate;
import org.apache.ignite.lang.IgniteFutureTimeoutException;
import org.gridstack.GridStackException;
import org.gridstack.array.ArrayMeta;

/** Runs chunk reductions on the grid from the caller's side: progress, cancellation, clear errors. */
public final class GridJobs {
    private static final long POLL_MS = 100;

    private static final long LATE_REPORT_WAIT_MS = 2000;

    private GridJobs() {}

    /** Chunk reports are messages and may trail the task's result; give them a moment so the task log is whole. */
    private static void awaitReports(AtomicLong done, long total) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(LATE_REPORT_WAIT_MS);
        synchronized (done) {
            while (done.get() < total && System.nanoTime() < deadline) {
                try {
                    done.wait(10);
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

    /** As above, recording every chunk's task events into {@code log}. */
    public static <P extends Serializable> P reduce(Ignite ignite, ArrayMeta array, ChunkReducer<P> reducer, Progress progress, TaskLog log) {
        String topic = "gridstack-progress-" + UUID.randomUUID();
        long total = array.grid().chunkCount();
        AtomicLong done = new AtomicLong();
        AtomicLong bytes = new AtomicLong();
        IgniteBiPredicate<UUID, ChunkReport> listener = (node, report) -> {
            log.add(report.events);
            synchronized (done) {
                progress.update(done.incrementAndGet(), total, bytes.addAndGet(report.bytes));
                done.notifyAll();
            }
            return true;
        };
        ignite.message().localListen(topic, listener);
        try {
            ComputeTaskFuture<P> future = ignite.compute(ignite.cluster().forServers())
                    .executeAsync(new ChunkTask<>(array, reducer, ignite.cluster().localNode().id(), topic), null);
            while (true) {
                try {
                    P result = future.get(POLL_MS, TimeUnit.MILLISECONDS);
                    awaitReports(done, total);
                    return result;
                } catch (IgniteFutureTimeoutException notYet) {
                    if (progress.isCancelled()) {
                        future.cancel();
                        throw new GridStackException("cancelled: " + array.name() + " (" + done.get() + " of " + total + " chunks done)");
                    }
                }
            }
        } catch (IgniteException e) {
            GridStackException cause = GridStackException.find(e);
            if (cause != null) throw new GridStackException(cause.getMessage(), e);
            throw new GridStackException("grid job on '" + array.name() + "' failed: " + e.getMessage(), e);
        } finally {
            log.finish();
            ignite.message().stopLocalListen(topic, listener);
        }
    }
}
