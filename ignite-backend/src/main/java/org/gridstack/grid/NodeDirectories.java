package org.gridstack.grid;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.ignite.Ignite;

/**
 * Where a node keeps what it spills to local disk (shuffle pieces waiting for their block, chunks that do not fit
 * its memory): {@code -Dgridstack.spill.dir=DIR} on that node, else a folder in the node's Ignite work directory
 * (the embedded grid's is a temporary folder removed at exit; a server's is its {@code work.dir}).
 */
public final class NodeDirectories {
    public static final String SPILL_PROPERTY = "gridstack.spill.dir";

    private NodeDirectories() {}

    public static Path spillRoot(Ignite ignite) {
        String configured = System.getProperty(SPILL_PROPERTY);
        if (configured != null && !configured.isBlank()) return Path.of(configured.trim(), ignite.cluster().localNode().id().toString());
        String work = ignite.configuration().getWorkDirectory();
        Path base = work != null ? Path.of(work) : Path.of(System.getProperty("java.io.tmpdir"), "gridstack-" + ignite.cluster().localNode().id());
        return base.resolve("gridstack-spill");
    }

    /** Bytes free for spilling on this node's disk. */
    public static long usableBytes(Ignite ignite) {
        Path root = spillRoot(ignite);
        try {
            Files.createDirectories(root);
            return Files.getFileStore(root).getUsableSpace();
        } catch (IOException e) {
            return 0;
        }
    }
}
