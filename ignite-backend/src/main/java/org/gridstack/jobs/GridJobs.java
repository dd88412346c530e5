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

    private GridJobs() {}

    public static <P extends Serializable> P reduce(Ignite ignite, ArrayMeta array, ChunkReducer<P> reducer, Progress progress) {
        String topic = "gridstack-progress-" + UUID.randomUUID();
        long total = array.grid().chunkCount();
        AtomicLong done = new AtomicLong();
        AtomicLong bytes = new AtomicLong();
        IgniteBiPredicate<UUID, Long> listener = (node, chunkBytes) -> {
            synchronized (done) {
                progress.update(done.incrementAndGet(), total, bytes.addAndGet(chunkBytes));
            }
            return true;
        };
        ignite.message().localListen(topic, listener);
        try {
            ComputeTaskFuture<P> future = ignite.compute(ignite.cluster().forServers())
                    .executeAsync(new ChunkTask<>(array, reducer, ignite.cluster().localNode().id(), topic), null);
            while (true) {
                try {
                    return future.get(POLL_MS, TimeUnit.MILLISECONDS);
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
            ignite.message().stopLocalListen(topic, listener);
        }
    }
}
