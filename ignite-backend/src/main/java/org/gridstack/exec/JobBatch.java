package org.gridstack.exec;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteException;
import org.apache.ignite.cluster.ClusterNode;
import org.apache.ignite.compute.ComputeJob;
import org.apache.ignite.compute.ComputeTaskFuture;
import org.apache.ignite.lang.IgniteFutureTimeoutException;
import org.gridstack.base.GridStackException;
import org.gridstack.base.Progress;

/**
 * Jobs placed on chosen nodes (where their chunks live), run together as one Ignite compute task and awaited
 * from the caller: the caller's cancel flag is polled while they run, and cancelling stops them all (jobs check
 * {@code isCancelled()} between chunks). Jobs extend {@link org.apache.ignite.compute.ComputeJobAdapter}.
 */
public final class JobBatch<R> {
    private static final long POLL_MS = 100;
    private static final long STOP_WAIT_MS = 10_000;

    private final Ignite ignite;
    private final List<ComputeJob> jobs = new ArrayList<>();
    private final List<ClusterNode> nodes = new ArrayList<>();

    public JobBatch(Ignite ignite) {
        this.ignite = ignite;
    }

    /** Adds {@code job}, to run on {@code node}. */
    public void add(ClusterNode node, ComputeJob job) {
        jobs.add(job);
        nodes.add(node);
    }

    /** How one job ended: its result, or why it failed. */
    public static final class Outcome<R> {
        public final R result;
        public final RuntimeException failure;

        private Outcome(R result, RuntimeException failure) {
            this.result = result;
            this.failure = failure;
        }

        static <R> Outcome<R> of(R result) {
            return new Outcome<>(result, null);
        }

        static <R> Outcome<R> failed(RuntimeException failure) {
            return new Outcome<>(null, failure);
        }

        public boolean failed() {
            return failure != null;
        }
    }

    /**
     * Runs the jobs and returns how each ended, in the order they were added. If {@code progress} asks to cancel
     * meanwhile, every job is cancelled and this throws "cancelled: " followed by {@code whatWasDone}. If the task
     * as a whole fails (say, a node left before its jobs reached it), every job is reported failed with that cause.
     */
    public List<Outcome<R>> runEach(Progress progress, Supplier<String> whatWasDone) {
        if (jobs.isEmpty()) return List.of();
        ComputeTaskFuture<List<Outcome<R>>> future =
                ignite.compute(ignite.cluster().forServers()).executeAsync(new PlacedTask<R>(jobs, nodes), null);
        while (true) {
            try {
                return future.get(POLL_MS, TimeUnit.MILLISECONDS);
            } catch (IgniteFutureTimeoutException notYet) {
                if (progress.isCancelled()) {
                    future.cancel();
                    awaitStopped(future);
                    throw new GridStackException("cancelled: " + whatWasDone.get());
                }
            } catch (IgniteException e) {
                return Collections.nCopies(jobs.size(), Outcome.failed(e));
            }
        }
    }

    /** Jobs see the cancel between chunks: give them a moment to stop, so that a cancelled operation has stopped when it returns. */
    private static void awaitStopped(ComputeTaskFuture<?> future) {
        try {
            future.get(STOP_WAIT_MS, TimeUnit.MILLISECONDS);
        } catch (RuntimeException stoppedOrNot) {
            // cancelled (the usual end), failed or still stopping: the caller's answer is "cancelled" either way
        }
    }

    /** As {@link #runEach}, but fails with the first job's failure, explained (see {@link #explain}). */
    public List<R> runAll(Progress progress, Supplier<String> whatWasDone, String what) {
        List<R> results = new ArrayList<>();
        for (Outcome<R> o : runEach(progress, whatWasDone)) {
            if (o.failed()) throw explain(o.failure, what);
            results.add(o.result);
        }
        return results;
    }

    /**
     * One clear message for a failed job: the user-facing cause it carries (jobs' own errors arrive wrapped in
     * Ignite's exceptions), else "{@code what} failed: ...". The original stays attached as the cause.
     */
    public static GridStackException explain(RuntimeException failure, String what) {
        GridStackException known = GridStackException.find(failure);
        if (known != null) return new GridStackException(known.getMessage(), failure);
        return new GridStackException(what + " failed: " + failure.getMessage(), failure);
    }
}
