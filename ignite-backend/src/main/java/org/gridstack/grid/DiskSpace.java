package org.gridstack.grid;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.apache.ignite.Ignite;
import org.apache.ignite.lang.IgniteCallable;
import org.apache.ignite.resources.IgniteInstanceResource;
import org.gridstack.base.GridStackException;

/** Checks, before an operation writes to the servers' local disks, that they have room for it. */
public final class DiskSpace {
    /** Room kept free beyond what an operation needs, for everything else on the disk. */
    private static final long RESERVE_BYTES = 1L << 30;

    private DiskSpace() {}

    /** Fails, naming the node, folder and sizes, if a server has less than {@code bytesPerServer} (plus a reserve) free. */
    public static void require(Ignite ignite, long bytesPerServer, String what) {
        if (bytesPerServer <= 0) return;
        Collection<String[]> free = ignite.compute(ignite.cluster().forServers()).broadcast(new FreeSpace());
        List<String> short_ = new ArrayList<>();
        for (String[] f : free) {
            long usable = Long.parseLong(f[2]);
            if (usable < bytesPerServer + RESERVE_BYTES) {
                short_.add(String.format(Locale.ROOT, "%s has %.1f GB free in %s", f[0], usable / 1e9, f[1]));
            }
        }
        if (!short_.isEmpty()) {
            throw new GridStackException(String.format(Locale.ROOT, "%s needs about %.1f GB of local disk on each server "
                    + "(plus %.0f GB to spare), but %s; free some space, or point -D%s at a larger disk", what, bytesPerServer / 1e9,
                    RESERVE_BYTES / 1e9, String.join("; ", short_), NodeDirectories.SPILL_PROPERTY));
        }
    }

    /** Runs on each server: {node name, spill folder, usable bytes}. */
    private static final class FreeSpace implements IgniteCallable<String[]> {
        private static final long serialVersionUID = 1L;

        @IgniteInstanceResource
        private transient Ignite ignite;

        @Override
        public String[] call() {
            return new String[] {String.valueOf(ignite.name()), NodeDirectories.spillRoot(ignite).toString(),
                    Long.toString(NodeDirectories.usableBytes(ignite))};
        }
    }
}
