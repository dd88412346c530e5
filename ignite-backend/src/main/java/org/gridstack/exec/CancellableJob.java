package org.gridstack.exec;

import org.apache.ignite.compute.ComputeJobAdapter;

/**
 * A grid job that a cancel stops even while it waits. Besides setting {@link #isCancelled()}, which the job checks
 * between chunks, {@link #cancel()} interrupts the thread running it, so a job blocked on a slow source (a URL
 * fetch) ends at once. Ignite cancels jobs when their task is cancelled and when their node stops; by itself it
 * interrupts a cancelled job only after a timeout ({@code computeJobWorkerInterruptTimeout}), and a node's stop
 * waits for its jobs, so a job stuck in a fetch held a stopping node or launcher until the fetch's own deadline.
 */
public abstract class CancellableJob<R> extends ComputeJobAdapter {
    private static final long serialVersionUID = 1L;

    private transient Thread runner;
    private transient boolean interrupted;

    /** The job's work; it may end early, with a partial result, once {@link #isCancelled()}. */
    protected abstract R run();

    @Override
    public final R execute() {
        synchronized (this) {
            runner = Thread.currentThread();
        }
        try {
            return run();
        } finally {
            synchronized (this) {
                runner = null;
                // the interrupt was for this job only: the pool thread goes on to other work
                if (interrupted) Thread.interrupted();
            }
        }
    }

    @Override
    public void cancel() {
        super.cancel();
        synchronized (this) {
            if (runner != null && !interrupted) {
                interrupted = true;
                runner.interrupt();
            }
        }
    }
}
