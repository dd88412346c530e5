package org.gridstack.exec;

import java.util.BitSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.ignite.Ignite;
import org.apache.ignite.lang.IgniteBiPredicate;
import org.gridstack.base.Progress;
import org.gridstack.telemetry.ChunkReport;
import org.gridstack.telemetry.TaskLog;

/**
 * The caller's end of one operation's reports: jobs on any node report units of work done (see
 * {@link ProgressReporter}); each report's task events go to the operation's {@link TaskLog}, and progress counts
 * distinct units, so work done again after a node left is not counted twice.
 */
public final class ProgressChannel implements AutoCloseable {
    /** Reports are messages and may trail the jobs' results: how long to wait for the last of them. */
    private static final long TRAILING_WAIT_MILLIS = 2000;

    private final Ignite ignite;
    private final Progress progress;
    private final TaskLog log;
    private final long total;
    private final String topic = "gridstack-progress-" + UUID.randomUUID();
    private final BitSet done = new BitSet();
    private long bytes;
    private final IgniteBiPredicate<UUID, ChunkReport> listener = (node, report) -> {
        received(report);
        return true;
    };

    /** {@code totalUnits}: the units the operation has, numbered from 0. */
    public ProgressChannel(Ignite ignite, Progress progress, TaskLog log, long totalUnits) {
        if (totalUnits > Integer.MAX_VALUE) throw new IllegalArgumentException(totalUnits + " units of work are too many to count");
        this.ignite = ignite;
        this.progress = progress;
        this.log = log;
        this.total = totalUnits;
        ignite.message().localListen(topic, listener);
    }

    public ProgressReporter reporter() {
        return new ProgressReporter(ignite.cluster().localNode().id(), topic);
    }

    private void received(ChunkReport report) {
        log.add(report.events);
        markDone(report.unit, report.bytes);
    }

    /** Counts a unit as done here (say, one whose result an earlier run left behind). */
    public void markDone(long unit, long unitBytes) {
        synchronized (done) {
            if (!done.get((int) unit)) {
                done.set((int) unit);
                bytes += unitBytes;
                progress.update(done.cardinality(), total, bytes);
            }
            done.notifyAll();
        }
    }

    /** Units done so far. */
    public long done() {
        synchronized (done) {
            return done.cardinality();
        }
    }

    /** Waits a moment for reports still on their way, so that progress ends at 100 % and the task log is whole. */
    public void awaitTrailingReports() {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(TRAILING_WAIT_MILLIS);
        synchronized (done) {
            while (done.cardinality() < total && System.nanoTime() < deadline) {
                try {
                    done.wait(10);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Stops listening; the operation's task log ends here. */
    @Override
    public void close() {
        ignite.message().stopLocalListen(topic, listener);
        log.finish();
    }
}
