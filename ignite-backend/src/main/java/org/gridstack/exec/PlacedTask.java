package org.gridstack.exec;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.apache.ignite.cluster.ClusterNode;
import org.apache.ignite.compute.ComputeJob;
import org.apache.ignite.compute.ComputeJobResult;
import org.apache.ignite.compute.ComputeJobResultPolicy;
import org.apache.ignite.compute.ComputeTaskAdapter;

/**
 * An Ignite compute task whose jobs are already placed (each on the node that owns its chunks), and that waits for
 * all of them whatever happens: a job that fails, or whose node leaves, is reported in its outcome rather than
 * failed over or failing the others (the caller decides what runs again, and where). Cancelling the task cancels
 * every job ({@link org.apache.ignite.compute.ComputeJobAdapter#isCancelled()}).
 */
final class PlacedTask<R> extends ComputeTaskAdapter<Void, List<JobBatch.Outcome<R>>> {
    private static final long serialVersionUID = 1L;

    private final List<ComputeJob> jobs;
    private final List<ClusterNode> nodes;

    PlacedTask(List<ComputeJob> jobs, List<ClusterNode> nodes) {
        this.jobs = jobs;
        this.nodes = nodes;
    }

    @Override
    public Map<? extends ComputeJob, ClusterNode> map(List<ClusterNode> subgrid, Void arg) {
        Map<ComputeJob, ClusterNode> placed = new IdentityHashMap<>();
        for (int i = 0; i < jobs.size(); i++) placed.put(jobs.get(i), nodes.get(i));
        return placed;
    }

    @Override
    public ComputeJobResultPolicy result(ComputeJobResult res, List<ComputeJobResult> received) {
        return ComputeJobResultPolicy.WAIT;
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<JobBatch.Outcome<R>> reduce(List<ComputeJobResult> results) {
        Map<ComputeJob, JobBatch.Outcome<R>> byJob = new IdentityHashMap<>();
        for (ComputeJobResult r : results) {
            byJob.put(r.getJob(), r.getException() != null ? JobBatch.Outcome.failed(r.getException())
                    : JobBatch.Outcome.of((R) r.getData()));
        }
        List<JobBatch.Outcome<R>> outcomes = new ArrayList<>();
        for (ComputeJob job : jobs) outcomes.add(byJob.get(job));
        return outcomes;
    }
}
