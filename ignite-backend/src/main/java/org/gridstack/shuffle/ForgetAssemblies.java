package org.gridstack.shuffle;

import org.apache.ignite.Ignite;
import org.apache.ignite.lang.IgniteRunnable;
import org.apache.ignite.resources.IgniteInstanceResource;

/** Drops a shuffle's node-local assemblies: all that is left of them after a failure or a cancellation. */
final class ForgetAssemblies implements IgniteRunnable {
    private static final long serialVersionUID = 1L;

    private final String shuffleId;

    @IgniteInstanceResource
    private transient Ignite ignite;

    ForgetAssemblies(String shuffleId) {
        this.shuffleId = shuffleId;
    }

    @Override
    public void run() {
        Assemblies.forget(ignite, shuffleId);
    }
}
